import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../platform/transport';
import { bugReportOf, reportBug } from './reportBug';

interface Props {
  readonly api: Pick<Api, 'call'>;
  readonly children: ReactNode;
  /** The route to report (default: the address's hash). */
  readonly route?: () => string;
}

interface State {
  /** When the window broke (epoch ms); undefined while all is well. */
  readonly failedAt?: number;
}

/**
 * The root error boundary: a bug anywhere below shows a calm full-screen page — the records are safe, because
 * main journals every step before the window shows it — with a reload and the time, and is reported to main's
 * log (message, stack, route; main adds its version). The raw error is never shown (STYLE §6).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(): State {
    return { failedAt: Date.now() };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The window broke', error);
    const route = this.props.route?.() ?? window.location.hash;
    void reportBug(this.props.api, bugReportOf(error, route, info.componentStack));
  }

  override render(): ReactNode {
    return this.state.failedAt === undefined ? this.props.children : <CrashPage at={this.state.failedAt} />;
  }
}

/** The page shown instead of the broken window (exported for its test). */
export function CrashPage({ at }: { at: number }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
  return (
    <main className="crash-page" role="alert">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.safe')}</p>
      <p className="muted">{t('crash.at', { time })}</p>
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </button>
    </main>
  );
}
