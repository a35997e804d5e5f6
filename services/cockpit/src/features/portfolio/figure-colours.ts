// Finance's word stands apart from plan and forecast in every chart: its own colour, never stacked on them.
// Each at least 4.5:1 on white, as the figures are written in them too.
export const COLOURS = { planned: '#3b5bdb', forecast: '#b35900', confirmed: '#1e6b30', gap: '#c92a2a', surplus: '#2f9e44', target: '#495057' };
// Planned value by stage in shades of the plan's blue, lighter while less certain.
export const STAGE_SHADES = ['#c5d0fa', '#9fb0f4', '#748ffc', '#4c6ef5', '#3b5bdb', '#2b3f9e'];
