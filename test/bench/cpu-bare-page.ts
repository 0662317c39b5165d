// The bare page `npm run bench -- cpu` measures the live page against: the visible work of a run
// and nothing else. Two uPlot charts holding 3 hours of 1 s samples (cadence with its four zone
// bands, stride length), each showing the last 5 minutes, and six plain tiles, all updated once a
// second the way the app does it (subarray views of the columns, no copies; the tiles' text set).
import uPlot from 'uplot';

const HOURS_3_S = 3 * 3600;
const WINDOW_S = 300;
const HEIGHT = 220;
const zoneEdges = [0, 160, 170, 180, 400];
const zoneFills = ['#3b82f6', '#f59e0b', '#22c55e', '#ef4444'];

// A run's worth of columns, plus room to go on for the length of the bench.
const capacity = HOURS_3_S + 3600;
const t = new Float64Array(capacity);
const cadence = new Float64Array(capacity);
const stride = new Float64Array(capacity);
for (let i = 0; i < capacity; i++) {
  t[i] = i;
  cadence[i] = 170 + 6 * Math.sin(i / 40) + ((i * 7919) % 11) - 5;
  stride[i] = 1.1 + 0.08 * Math.sin(i / 55) + (((i * 104729) % 9) - 4) / 100;
}
let now = HOURS_3_S;

const zoneBands: uPlot.Plugin = {
  hooks: {
    drawClear: (u) => {
      const { ctx } = u;
      const { left, top, width, height } = u.bbox;
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, top, width, height);
      ctx.clip();
      ctx.globalAlpha = 0.16;
      for (let z = 0; z < 4; z++) {
        const y1 = u.valToPos(zoneEdges[z + 1]!, 'y', true);
        const y2 = u.valToPos(zoneEdges[z]!, 'y', true);
        ctx.fillStyle = zoneFills[z]!;
        ctx.fillRect(left, Math.min(y1, y2), width, Math.abs(y2 - y1));
      }
      ctx.restore();
    },
  },
};

function chartOptions(width: number, kind: 'cadence' | 'stride'): uPlot.Options {
  const axis = { stroke: '#94a3b8', grid: { stroke: '#334155', width: 1 }, ticks: { show: false } };
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    pxAlign: false,
    scales: {
      x: { time: false },
      y: kind === 'cadence' ? { range: (_u, min, max) => [Math.min(140, Math.floor(min - 5)), Math.max(195, Math.ceil(max + 5))] } : { range: (_u, min, max) => [Math.min(0.6, min - 0.1), Math.max(1.6, max + 0.1)] },
    },
    axes: [axis, { ...axis, size: 44 }],
    series: [{}, { stroke: kind === 'cadence' ? '#38bdf8' : '#a78bfa', width: 2, points: { show: false } }],
    plugins: kind === 'cadence' ? [zoneBands] : [],
  };
}

const windowOf = (column: Float64Array): uPlot.AlignedData => [t.subarray(now - WINDOW_S, now), column.subarray(now - WINDOW_S, now)];

const tileNames = ['Cadence', 'Pace', 'Time', 'Distance', 'In target', 'Speed'];
const tiles = document.createElement('div');
tiles.className = 'tiles';
const values = tileNames.map((name) => {
  const tile = document.createElement('div');
  tile.className = 'tile';
  const label = document.createElement('div');
  label.className = 'label';
  label.textContent = name;
  const value = document.createElement('div');
  value.className = 'value';
  tile.append(label, value);
  tiles.append(tile);
  return value;
});
document.body.append(tiles);

function chartBox(): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chart';
  document.body.append(box);
  return box;
}
const cadenceBox = chartBox();
const strideBox = chartBox();
const width = Math.floor(cadenceBox.getBoundingClientRect().width);
const cadenceChart = new uPlot(chartOptions(width, 'cadence'), windowOf(cadence), cadenceBox);
const strideChart = new uPlot(chartOptions(width, 'stride'), windowOf(stride), strideBox);

const clock = (s: number) => `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

function tick(): void {
  now++;
  const i = now - 1;
  const speed = stride[i]! * cadence[i]! / 60;
  const pace = 1000 / speed;
  values[0]!.textContent = String(Math.round(cadence[i]!));
  values[1]!.textContent = `${Math.floor(pace / 60)}:${String(Math.round(pace % 60)).padStart(2, '0')}`;
  values[2]!.textContent = clock(i);
  values[3]!.textContent = ((i * 3) / 1000).toFixed(2);
  values[4]!.textContent = clock(Math.floor(i * 0.6));
  values[5]!.textContent = (speed * 3.6).toFixed(1);
  cadenceChart.setData(windowOf(cadence));
  strideChart.setData(windowOf(stride));
}
tick();
setInterval(tick, 1000);
(window as unknown as { stridewiseBareReady: boolean }).stridewiseBareReady = true;
