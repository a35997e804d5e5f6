import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the cockpit draws, so the bundle carries no more of ECharts than that.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts chart that follows its option and its box; `label` is read out by screen readers. */
export function Chart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: false keeps the chart in place while figures update, without a redraw from nothing.
    const instance = chart.current;
    if (!instance) return;
    // `data-drawn` once the figures are on the canvas: what the page-load benchmark and the tests wait for.
    const drawn = () => {
      if (box.current) box.current.dataset.drawn = 'true';
      instance.off('rendered', drawn);
    };
    instance.on('rendered', drawn);
    instance.setOption({ aria: { enabled: true, label: { description: label } }, ...option });
    return () => {
      if (!instance.isDisposed()) instance.off('rendered', drawn);
    };
  }, [option, label]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} data-chart={label} />;
}
