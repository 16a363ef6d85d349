import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TILE_MEASURE, type DashboardFigures, type Tile, type TileId } from '../../../shared/kpi/dashboard';
import { useFormats, type Formats } from './format';

/** How a tile's value reads and how its change is worded. */
const KIND: Readonly<Record<TileId, 'count' | 'percent' | 'score'>> = {
  volume: 'count',
  responseOnTime: 'percent',
  resolutionOnTime: 'percent',
  resolutionRate: 'percent',
  satisfaction: 'score',
  repeats: 'count',
  composite: 'score',
};

function valueText(tile: Tile, f: Formats): string {
  if (tile.value === null) return '—';
  switch (KIND[tile.id]) {
    case 'count':
      return f.count(tile.value);
    case 'percent':
      return `${f.decimal(tile.value)}%`;
    case 'score':
      return f.decimal(tile.value);
  }
}

interface KpiTilesProps {
  figures: DashboardFigures;
  onOpen: (tile: Tile) => void;
}

/** The seven KPI tiles; each opens the complaints it stands on. */
export function KpiTiles({ figures, onOpen }: KpiTilesProps) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <ul className="kpi-tiles" aria-label={t('dashboard.title')}>
      {figures.tiles.map((tile) => (
        <li key={tile.id}>
          <TileButton tile={tile} figures={figures} f={f} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

function TileButton({ tile, figures, f, onOpen }: { tile: Tile; figures: DashboardFigures; f: Formats; onOpen: (tile: Tile) => void }) {
  const { t } = useTranslation();
  const label = t(`dashboard.tile.${tile.id}`);
  const kind = KIND[tile.id];
  const change = changeText(tile, kind, f, t);
  const basis = basisText(tile, figures, f, t);
  return (
    <button
      type="button"
      className="kpi-tile"
      data-tile={tile.id}
      data-count={tile.whole}
      data-measure={TILE_MEASURE[tile.id]}
      onClick={() => onOpen(tile)}
      aria-label={`${label} ${valueText(tile, f)}. ${t('dashboard.openTile', { label, count: tile.whole })}`}
      title={t('dashboard.openTile', { label, count: tile.whole })}
    >
      <span className="kpi-tile-label">{label}</span>
      <span className="kpi-tile-value" data-testid={`tile-value-${tile.id}`}>
        {valueText(tile, f)}
      </span>
      {tile.value === null && tile.missing ? <span className="kpi-tile-note">{t(`dashboard.missing.${tile.missing}`)}</span> : <span className="kpi-tile-basis">{basis}</span>}
      <span className={`kpi-tile-change${change.direction ? ` ${change.direction}` : ''}`}>{change.text}</span>
    </button>
  );
}


/** The change in words, and its direction as shown (a change that rounds to nothing is "the same", uncoloured). */
function changeText(tile: Tile, kind: 'count' | 'percent' | 'score', f: Formats, t: TFunction): { text: string; direction?: 'up' | 'down' } {
  if (tile.value === null) return { text: '' };
  if (tile.change === null) return { text: t('dashboard.change.none') };
  const signed = f.signed(tile.change, kind === 'count' ? 0 : 1);
  if (signed.sign === '') return { text: t('dashboard.change.same') };
  const key = kind === 'percent' ? 'points' : kind;
  return { text: t(`dashboard.change.${key}`, signed), direction: signed.sign === '+' ? 'up' : 'down' };
}

function basisText(tile: Tile, figures: DashboardFigures, f: Formats, t: TFunction): string {
  switch (tile.id) {
    case 'repeats':
      return t('dashboard.basis.repeats', { share: figures.count > 0 ? `${f.decimal((tile.whole / figures.count) * 100)}%` : '—' });
    case 'composite': {
      const total = figures.total;
      const part = (value: number | null) => (value === null ? '—' : f.decimal(value));
      return t('dashboard.basis.composite', { timeliness: part(total.timeliness), satisfaction: part(total.satisfaction), resolution: part(total.resolutionRate) });
    }
    default:
      return t(`dashboard.basis.${tile.id}`, { part: f.count(tile.part), whole: f.count(tile.whole) });
  }
}
