import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
// AntV F2 3.x by module: the chart core with the line and point geometries and the time axis only
// (~190 KB minified instead of the full build), in this subpackage alone.
import { Chart } from '@antv/f2/lib/core';
import '@antv/f2/lib/geom/line';
import '@antv/f2/lib/geom/point';
import '@antv/f2/lib/scale/time-cat';
import { fenToYuan, type PricePoint } from '../../../services/price-series';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}
interface FoundCanvas {
  node: CanvasNode;
  width: number;
  height: number;
}

/** How often (every 100 ms) H5 looks for the <canvas>: Taro's canvas element renders it a moment after the page. */
const H5_TRIES = 30;

function findH5Canvas(id: string, tries: number): Promise<FoundCanvas | null> {
  const element = document.querySelector<HTMLCanvasElement>(`#${id} canvas`) ?? document.querySelector<HTMLCanvasElement>(`canvas#${id}`);
  const box = element?.parentElement?.getBoundingClientRect();
  if (element && typeof element.getContext === 'function' && box && box.width > 0) {
    return Promise.resolve({ node: element, width: Math.round(box.width), height: Math.round(box.height) });
  }
  if (tries <= 1) return Promise.resolve(null);
  return new Promise((resolve) => setTimeout(() => resolve(findH5Canvas(id, tries - 1)), 100));
}

/**
 * The canvas node once it is on screen. weapp: a `type="2d"` canvas is reached through a selector
 * query after the render has been applied (nextTick); its drawing buffer is sized here in device
 * pixels. H5: Taro's Canvas wraps a real <canvas>, which F2 sizes itself.
 */
function findCanvas(id: string): Promise<FoundCanvas | null> {
  if (process.env.TARO_ENV === 'h5') return findH5Canvas(id, H5_TRIES);
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((result: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
        const found = result[0];
        resolve(found?.node ? { node: found.node, width: found.width, height: found.height } : null);
      });
  });
}

function drawChart({ node, width, height }: FoundCanvas, points: PricePoint[]): Chart | null {
  const context = node.getContext('2d');
  if (!context || width <= 0 || height <= 0) return null;
  const pixelRatio = process.env.TARO_ENV === 'h5' ? window.devicePixelRatio || 1 : Taro.getSystemInfoSync().pixelRatio || 2;
  if (process.env.TARO_ENV !== 'h5') {
    node.width = width * pixelRatio;
    node.height = height * pixelRatio;
  }
  const chart = new Chart({ context, width, height, pixelRatio, padding: ['auto', 'auto', 'auto', 'auto'], animate: false });
  const yuan = (value: number | string) => Number(value).toFixed(Number(value) >= 100 ? 0 : 2);
  chart.source(
    points.map((point) => ({ date: point.date, price: fenToYuan(point.priceFen) })),
    {
      date: { type: 'timeCat', mask: 'MM-DD', tickCount: 3, range: [0, 1] },
      price: { tickCount: 4, nice: true, formatter: yuan },
    },
  );
  chart.line().position('date*price').color('#1e7f4f').size(2);
  // Dots only while they can be told apart: a year of daily points is read as a line.
  if (points.length <= 45) chart.point().position('date*price').color('#1e7f4f').size(3).style({ stroke: '#fff', lineWidth: 1 });
  chart.render();
  return chart;
}

/**
 * The series as a line chart (AntV F2 on a 2d canvas), redrawn when the points change. The figures
 * and the table beside it carry the same numbers in words for those who do not read charts.
 */
export function PriceChart({ id, points, label }: { id: string; points: PricePoint[]; label: string }) {
  useEffect(() => {
    let chart: Chart | null = null;
    let current = true;
    Taro.nextTick(() => {
      void findCanvas(id).then((found) => {
        if (current && found) chart = drawChart(found, points);
      });
    });
    return () => {
      current = false;
      chart?.destroy();
    };
  }, [id, points]);
  return <Canvas type="2d" id={id} className="price-chart" aria-label={label} />;
}
