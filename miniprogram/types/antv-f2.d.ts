/**
 * The part of AntV F2 3.x the price chart uses (packages/prices/components/price-chart.tsx). It is
 * imported by module (`lib/core` plus the line and point geometries) so the bundle carries only
 * those; the package's own typings describe its full entry point, not these files.
 */
declare module '@antv/f2/lib/core' {
  interface ScaleOptions {
    type?: 'linear' | 'timeCat' | 'cat';
    tickCount?: number;
    mask?: string;
    range?: [number, number];
    nice?: boolean;
    min?: number;
    max?: number;
    formatter?: (value: number | string) => string;
  }
  interface Geometry {
    position(fields: string): Geometry;
    color(value: string): Geometry;
    size(value: number): Geometry;
    style(style: Record<string, unknown>): Geometry;
  }
  export class Chart {
    constructor(options: {
      context: unknown;
      width: number;
      height: number;
      pixelRatio: number;
      padding?: Array<number | 'auto'>;
      animate?: boolean;
    });
    source(data: Array<Record<string, unknown>>, scales?: Record<string, ScaleOptions>): void;
    axis(field: string, options: Record<string, unknown> | false): void;
    line(): Geometry;
    point(): Geometry;
    changeData(data: Array<Record<string, unknown>>): void;
    render(): void;
    destroy(): void;
  }
}
declare module '@antv/f2/lib/geom/line';
declare module '@antv/f2/lib/geom/point';
declare module '@antv/f2/lib/scale/time-cat';
