import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BranchHealth, UploadResult } from '../../../shared/api/headOffice';
import type { Refusal, Result } from '../../../shared/result';
import type { BatchResult } from '../../../shared/sync/protocol';
import { formatDateTime } from '../../i18n/format';
import { parseLanguage } from '../../i18n/language';
import { api } from '../../platform/api';
import { useSession } from '../../session/session';
import { useNow } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { readAsBase64 } from '../evidence/evidenceFiles';
import './headOffice.css';
import { RefusalBanner } from '../../ui/RefusalBanner';

const DAY_MS = 86_400_000;

/**
 * Head office's view of its branches (issue 13 item 2): each branch's last sync, what head office holds, pending
 * gaps, refused batches with their reasons, clock skew and secret age, with revoke; enrolling a branch (its
 * one-time code shown once); and batch files from a USB stick, each with its result. Only admins act.
 */
export function BranchHealthPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [branches, setBranches] = useState<BranchHealth[] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const admin = user.role === 'admin';

  const show = useCallback((listed: Result<{ branches: BranchHealth[] }>) => {
    if (listed.ok) {
      setBranches(listed.value.branches);
      setRefusal(null);
    } else setRefusal(listed.error);
  }, []);
  const reload = useCallback(async () => show(await api.call('headOffice.branches', {})), [show]);
  useEffect(() => {
    let live = true;
    void api.call('headOffice.branches', {}).then((listed) => live && show(listed));
    return () => {
      live = false;
    };
  }, [show]);

  return (
    <section className="page branch-health" aria-labelledby="page-title">
      <h1 id="page-title">{t('headOffice.health.title')}</h1>
      <p className="muted">{t('headOffice.health.intro')}</p>
      <RefusalBanner refusal={refusal} />
      {branches && <BranchTable branches={branches} admin={admin} onChanged={reload} />}
      {admin && (
        <div className="ho-admin-grid">
          <EnrolBranch onEnrolled={reload} />
          <UploadBatches onImported={reload} />
        </div>
      )}
    </section>
  );
}

function BranchTable({ branches, admin, onChanged }: { branches: readonly BranchHealth[]; admin: boolean; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { branch: office } = useSession();
  const language = parseLanguage(i18n.language) ?? 'zh-CN';
  const [revoking, setRevoking] = useState<BranchHealth | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const when = (iso: string) => formatDateTime(iso, language, office.timeZone);
  const number = new Intl.NumberFormat(language);
  const nowMs = Date.parse(useNow());

  if (branches.length === 0) return <p className="muted">{t('headOffice.health.empty')}</p>;
  return (
    <>
      {notice && (
        <div className="banner banner-info" role="status">
          {notice}
        </div>
      )}
      <table className="ho-table" aria-label={t('headOffice.health.title')}>
        <thead>
          <tr>
            <th scope="col">{t('headOffice.health.name')}</th>
            <th scope="col">{t('headOffice.health.lastSync')}</th>
            <th scope="col">{t('headOffice.health.acked')}</th>
            <th scope="col" className="numeric">
              {t('headOffice.health.complaints')}
            </th>
            <th scope="col">{t('headOffice.health.gaps')}</th>
            <th scope="col">{t('headOffice.health.skew')}</th>
            <th scope="col">{t('headOffice.health.secret')}</th>
            <th scope="col">{t('headOffice.health.refused')}</th>
            {admin && <th scope="col" aria-label={t('users.actions')} />}
          </tr>
        </thead>
        <tbody>
          {branches.map((line) => (
            <tr key={line.code} data-branch={line.code} data-secret={line.secret}>
              <th scope="row">
                {line.name}
                <span className="muted ho-code">{line.code}</span>
              </th>
              <td className="tabular">{line.lastSyncAt ? when(line.lastSyncAt) : <span className="muted">{t('headOffice.health.never')}</span>}</td>
              <td className="tabular">{t('headOffice.health.ackedValue', { seq: number.format(line.ackedThroughSeq) })}</td>
              <td className="tabular numeric">{number.format(line.complaints)}</td>
              <td data-warn={line.pendingGaps > 0 || undefined}>{line.pendingGaps > 0 ? t('headOffice.health.gapsValue', { count: line.pendingGaps }) : t('headOffice.health.noGaps')}</td>
              <td className="tabular">{skewText(t, line.clockSkewMs)}</td>
              <td data-warn={line.secret !== 'active' || undefined}>
                {line.secret === 'active' && t('headOffice.health.secretActive', { days: Math.floor((nowMs - Date.parse(line.secretSince ?? '')) / DAY_MS) })}
                {line.secret === 'revoked' && t('headOffice.health.secretRevoked', { time: when(line.secretRevokedAt ?? '') })}
                {line.secret === 'none' && t('headOffice.health.secretNone')}
              </td>
              <td className="ho-refused">
                {line.refused.length === 0 ? (
                  <span className="muted">{t('headOffice.health.noRefusals')}</span>
                ) : (
                  <ul>
                    {line.refused.map((refused, index) => (
                      <li key={index} title={refused.message}>
                        <strong>{t(`headOffice.refusal.${refused.code}`)}</strong>
                        <span className="muted tabular">
                          {t('headOffice.health.refusedLine', {
                            time: when(refused.receivedAt),
                            source: refused.source === 'http' ? t('headOffice.health.sourceHttp') : t('headOffice.health.sourceFile'),
                            batch: refused.batchId ?? t('headOffice.health.noBatchId'),
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {admin && (
                <td>
                  {line.secret === 'active' && (
                    <button type="button" className="btn btn-danger" onClick={() => setRevoking(line)}>
                      {t('headOffice.health.revoke')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {revoking && (
        <RevokeDialog
          branch={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={async () => {
            setRevoking(null);
            setNotice(t('headOffice.health.revoked', { branch: revoking.name }));
            await onChanged();
          }}
        />
      )}
    </>
  );
}

function skewText(t: TFunction, skewMs: number | null): string {
  if (skewMs === null) return t('headOffice.health.unknown');
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  if (seconds === 0) return t('headOffice.health.skewNone');
  return skewMs > 0 ? t('headOffice.health.skewAhead', { seconds }) : t('headOffice.health.skewBehind', { seconds });
}

function RevokeDialog({ branch, onClose, onRevoked }: { branch: BranchHealth; onClose: () => void; onRevoked: () => Promise<void> }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    const revoked = await api.call('headOffice.revoke', { code: branch.code });
    setBusy(false);
    if (revoked.ok) await onRevoked();
    else setRefusal(revoked.error);
  };
  return (
    <Dialog title={t('headOffice.health.revokeTitle', { branch: `${branch.name} (${branch.code})` })} onClose={onClose}>
      <p>{t('headOffice.health.revokeText')}</p>
      <RefusalBanner refusal={refusal} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void revoke()}>
          {t('headOffice.health.revokeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}

function EnrolBranch({ onEnrolled }: { onEnrolled: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [issued, setIssued] = useState<{ branch: string; code: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const trimmed = name.trim();
    const enrolled = await api.call('headOffice.enrol', { code: code.trim().toUpperCase(), ...(trimmed ? { name: trimmed } : {}) });
    if (!enrolled.ok) return setRefusal(enrolled.error);
    setIssued({ branch: `${enrolled.value.branch.name} (${enrolled.value.branch.code})`, code: enrolled.value.enrolmentCode });
    setCopied(false);
    setCode('');
    setName('');
    await onEnrolled();
  };
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.code);
      setCopied(true);
    } catch {
      // No clipboard permission: the code is in a read-only field, selected for Ctrl+C.
      (document.getElementById(`${id}-issued`) as HTMLTextAreaElement | null)?.select();
    }
  };
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('headOffice.health.enrolTitle')}</h2>
      <p className="muted flush">{t('headOffice.health.enrolIntro')}</p>
      <form className="ho-enrol" onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-code`}>{t('headOffice.health.enrolCode')}</label>
        <input id={`${id}-code`} value={code} required maxLength={8} pattern="[A-Za-z0-9]{2,8}" autoComplete="off" onChange={(event) => setCode(event.target.value)} />
        <label htmlFor={`${id}-name`}>{t('headOffice.health.enrolName')}</label>
        <input id={`${id}-name`} value={name} maxLength={80} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="btn btn-primary">
          {t('headOffice.health.enrol')}
        </button>
      </form>
      <RefusalBanner refusal={refusal} />
      {issued && (
        <div className="ho-issued" role="status">
          <label htmlFor={`${id}-issued`}>{t('headOffice.health.codeTitle', { branch: issued.branch })}</label>
          <textarea id={`${id}-issued`} readOnly rows={3} value={issued.code} onFocus={(event) => event.target.select()} />
          <div className="ho-issued-actions">
            <button type="button" className="btn" onClick={() => void copy()}>
              {copied ? t('headOffice.health.copied') : t('headOffice.health.copy')}
            </button>
            <span className="muted">{t('headOffice.health.codeOnce')}</span>
          </div>
        </div>
      )}
    </section>
  );
}

function UploadBatches({ onImported }: { onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<UploadResult[] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    const read = [];
    for (const file of files) {
      const data = await readAsBase64(file, () => undefined);
      if (!data.ok) {
        setBusy(false);
        return setRefusal(data.error);
      }
      read.push({ name: file.name, base64: data.value });
    }
    const uploaded = await api.call('headOffice.uploadBatches', { files: read });
    setBusy(false);
    if (!uploaded.ok) return setRefusal(uploaded.error);
    setResults(uploaded.value.results);
    await onImported();
  };
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('headOffice.health.uploadTitle')}</h2>
      <p className="muted flush">{t('headOffice.health.uploadIntro')}</p>
      <form className="ho-upload" onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-files`}>{t('headOffice.health.uploadFiles')}</label>
        <input id={`${id}-files`} type="file" multiple accept=".json,.gz,application/json,application/gzip" onChange={(event) => setFiles([...(event.target.files ?? [])])} />
        <button type="submit" className="btn btn-primary" disabled={busy || files.length === 0}>
          {busy ? t('headOffice.health.uploading') : t('headOffice.health.upload')}
        </button>
      </form>
      <RefusalBanner refusal={refusal} />
      {results && (
        <ul className="ho-results" aria-live="polite">
          {results.map((item, index) => (
            <li key={index} data-status={item.result.status}>
              <strong>{item.name}</strong>: {resultText(t, item.result)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function resultText(t: TFunction, result: BatchResult): string {
  switch (result.status) {
    case 'accepted':
      return t('headOffice.health.resultAccepted', { seq: result.ackedThroughSeq });
    case 'duplicate':
      return t('headOffice.health.resultDuplicate');
    case 'refused':
      return t('headOffice.health.resultRefused', { reason: t(`headOffice.refusal.${result.code}`) });
  }
}
