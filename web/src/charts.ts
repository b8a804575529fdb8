// ECharts, imported piece by piece (only the charts and components the pages use, SVG renderer
// only) so the bundle stays small; pages load this module lazily.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
export type ECharts = echarts.ECharts;

const registry: Record<string, echarts.ECharts> = {};
// Exposed so that the end-to-end tests can inspect what a chart drew (its option and data).
(window as unknown as { __solieuCharts: typeof registry }).__solieuCharts = registry;

export function chart(el: HTMLElement, name: string): echarts.ECharts {
  registry[name]?.dispose();
  const c = echarts.init(el, undefined, { renderer: 'svg' });
  registry[name] = c;
  const resize = () => c.resize();
  window.addEventListener('resize', resize);
  return c;
}

let mapLoaded: Promise<GeoJson> | null = null;

export interface GeoJson {
  type: string;
  features: { properties: { code: string; name: string } }[];
}

/** The 45 communes' boundaries (config/dien-bien/communes-2025.geojson), fetched once. */
export function loadCommuneMap(): Promise<GeoJson> {
  if (!mapLoaded) {
    mapLoaded = import('../../config/dien-bien/communes-2025.geojson?url').then(async (m) => {
      const response = await fetch(m.default);
      const geo = (await response.json()) as GeoJson;
      echarts.registerMap('dien-bien-communes', geo as never);
      return geo;
    });
    mapLoaded.catch(() => (mapLoaded = null));
  }
  return mapLoaded;
}
