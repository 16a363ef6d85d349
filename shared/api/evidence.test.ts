import { describe, expect, it } from 'vitest';
import { evidenceMimeOf, safeFileName } from './evidence';

describe('evidenceMimeOf', () => {
  it.each([
    ['image/jpeg', '照片.jpg', 'image/jpeg'],
    ['audio/x-m4a', '录音.m4a', 'audio/mp4'],
    ['text/plain; charset=utf-8', 'a.txt', 'text/plain'],
    ['', '录音.AMR', 'audio/amr'],
    ['application/octet-stream', 'IMG_0001.HEIC', 'image/heic'],
    ['image/svg+xml', 'logo.svg', undefined],
    ['', 'setup.exe', undefined],
    ['', 'no-extension', undefined],
  ])('declared %j for %s is %s', (declared, name, expected) => {
    expect(evidenceMimeOf(declared, name)).toBe(expected);
  });
});

describe('safeFileName', () => {
  it.each([
    ['发票.pdf.exe', 'application/pdf', '发票.pdf.pdf'],
    ['..\\..\\Windows\\run.bat', 'text/plain', 'run.txt'],
    ['CON.txt', 'text/plain', 'evidence_CON.txt'],
    ['a<b>:c?.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a_b__c_.docx'],
    ['photo\u202egpj.exe', 'image/jpeg', 'photo_gpj.jpg'],
    ['...', 'image/png', 'evidence_.png'],
  ] as const)('%j as %s becomes %j', (name, mime, expected) => {
    expect(safeFileName(name, mime)).toBe(expected);
  });
});
