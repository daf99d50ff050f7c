import uPlot from 'uplot';

export interface Mark {
  readonly at: number;
  readonly label: string;
}

/** Vertical raise/resolve marks with their label drawn beside them (the text, not only a colour). */
function marksPlugin(marks: () => readonly Mark[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const [min, max] = [u.scales['x']?.min ?? 0, u.scales['x']?.max ?? 0];
        ctx.save();
        ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
        ctx.fillStyle = '#111';
        // uPlot leaves its axis text settings on the context.
        ctx.textAlign = 'left';
        ctx.textBaseline = 'alphabetic';
        ctx.strokeStyle = '#b00020';
        ctx.lineWidth = Math.max(1, devicePixelRatio);
        ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
        for (const mark of marks()) {
          const seconds = mark.at / 1000;
          if (seconds < min || seconds > max) continue;
          const x = Math.round(u.valToPos(seconds, 'x', true));
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          // The label sits right of its line, or left of it where it would leave the plot.
          const gap = 4 * devicePixelRatio;
          const textWidth = ctx.measureText(mark.label).width;
          ctx.fillText(mark.label, x + gap + textWidth > left + width ? x - gap - textWidth : x + gap, top + 12 * devicePixelRatio);
        }
        ctx.restore();
      },
    },
  };
}

export interface TimeChart {
  readonly element: HTMLElement;
  /** x in epoch ms, ascending; null = no value. */
  setData(x: readonly number[], y: readonly (number | null)[], range: readonly [number, number]): void;
  resize(width: number): void;
  redraw(): void;
  destroy(): void;
}

/** One uPlot time series over a fixed window (the window, not the data, sets the x range). */
export function timeChart(options: { label: string; unit: string; height: number; width: number; stroke: string; marks?: () => readonly Mark[] }): TimeChart {
  const element = document.createElement('div');
  element.className = 'chart';
  let range: readonly [number, number] = [0, 1];
  const plot = new uPlot(
    {
      width: options.width,
      height: options.height,
      scales: { x: { time: true, range: () => [range[0] / 1000, range[1] / 1000] } },
      series: [{}, { label: options.unit === '' ? options.label : `${options.label} (${options.unit})`, stroke: options.stroke, width: 2, spanGaps: true, points: { show: true, size: 4 } }],
      axes: [{}, { label: options.unit === '' ? options.label : options.unit, size: 50 }],
      legend: { show: true },
      plugins: options.marks ? [marksPlugin(options.marks)] : [],
    },
    [[], []],
    element,
  );
  return {
    element,
    setData(x, y, window) {
      range = window;
      plot.setData([x.map((ms) => ms / 1000), [...y]]);
    },
    resize: (width) => plot.setSize({ width, height: options.height }),
    redraw: () => plot.redraw(false),
    destroy: () => plot.destroy(),
  };
}
