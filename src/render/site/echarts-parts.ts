// The parts of ECharts the dashboard draws with, and nothing else: the runner's echarts.cjs is
// built from this file (scripts/build-runner.mjs), not from the whole library. Every chart pays for
// every registered component on each setOption, so the whole library costs about a quarter more
// per chart (a site of 300 cohorts draws 1,500 charts), and the runner carries 1.4 MB less.
// The built CLI in dist/ (what tests run in-process) still loads the whole library: a site built
// both ways is compared byte for byte (test/site.test.ts), so a chart that needs a part missing
// here shows there. Adding a chart type, a component or an option like markArea: add it here.
import { use } from 'echarts/core';
import { BarChart, LineChart, TreeChart } from 'echarts/charts';
import { AriaComponent, GridSimpleComponent, LegendPlainComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, TreeChart, GridSimpleComponent, LegendPlainComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export * from 'echarts/core';
