/**
 * Password hashing (SPEC §8: a slow salted hash). scrypt from node:crypto with a random 16-byte salt per
 * password; the cost parameters are stored with the hash so they can be raised later without breaking
 * existing accounts. Verification compares in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const FORMAT = 'scrypt';
const COST_LOG2 = 15; // N = 32768: ~50–100 ms per attempt on a counter PC
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, costLog2: number, blockSize: number, parallelism: number): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** costLog2,
    r: blockSize,
    p: parallelism,
    maxmem: 256 * 2 ** costLog2 * blockSize, // twice what scrypt needs, so the default cap never refuses
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$15$8$1$<salt base64>$<key base64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, COST_LOG2, BLOCK_SIZE, PARALLELISM);
  return [FORMAT, COST_LOG2, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [format, cost, block, parallel, saltText, keyText] = parts;
  if (parts.length !== 6 || format !== FORMAT || !saltText || !keyText) return false;
  const [costLog2, blockSize, parallelism] = [Number(cost), Number(block), Number(parallel)];
  const sane = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
  if (!sane(costLog2, 20) || !sane(blockSize, 16) || !sane(parallelism, 4)) return false;
  const expected = Buffer.from(keyText, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, Buffer.from(saltText, 'base64'), costLog2, blockSize, parallelism);
  return timingSafeEqual(actual, expected);
}

let unknownUserHash: Promise<string> | undefined;

/** A valid hash of a random password: checked when the user does not exist, so timing says nothing. */
export function hashForUnknownUsers(): Promise<string> {
  unknownUserHash ??= hashPassword(randomBytes(16).toString('hex'));
  return unknownUserHash;
}
