/** Evidence attachments (SPEC §1): the complaint page's panel and the registration form's picker. */
export { EvidencePanel } from './EvidencePanel';
export { EvidencePicker } from './EvidencePicker';
