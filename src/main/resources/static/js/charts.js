// Draws an Apache ECharts chart from a figures table already on the page, so the table stays the accessible and
// printable form of the same numbers (and its links stay the way to the records), and the page needs no inline
// script or data (strict CSP). A <figure class="chart"> names its table and columns in data attributes:
//   data-chart-table  id of the <table>           data-chart-kind   bar | stacked | line | share (per cent, 0 to 100)
//   data-chart-category  column of the x axis     data-chart-series column whose values name the series (optional)
//   data-chart-values    columns of the values, separated by spaces (each its own series when there is no series column)
//   data-chart-order     asc: categories in ascending order (years are listed newest first in the tables)
// A cell's number is its data-value attribute, or else its text. Clicking a bar or point opens the link of its cell.
(function () {
    'use strict';

    var palette = ['#1d4f91', '#c8702a', '#1e6b3a', '#a4262c', '#6a4c93', '#2a8c8c', '#8a6d1d', '#535d6c'];

    function number(cell) {
        var raw = cell.getAttribute('data-value');
        if (raw === null) raw = cell.textContent;
        raw = raw.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
        if (raw === '' || raw === '—' || raw === '-') return null;
        var value = Number(raw);
        return isNaN(value) ? null : value;
    }

    function link(cell) {
        var anchor = cell.querySelector('a[href]');
        return anchor ? anchor.href : null;
    }

    function text(cell) {
        return cell.textContent.trim();
    }

    function read(figure) {
        var table = document.getElementById(figure.getAttribute('data-chart-table'));
        if (!table) return null;
        var category = Number(figure.getAttribute('data-chart-category') || 0);
        var seriesColumn = figure.getAttribute('data-chart-series');
        var valueColumns = (figure.getAttribute('data-chart-values') || '1').trim().split(/\s+/).map(Number);
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), text);
        var categories = [];
        var series = {};
        var seriesOrder = [];
        Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
            var cells = row.cells;
            if (cells.length <= Math.max.apply(null, valueColumns.concat([category]))) return;
            var name = text(cells[category]);
            if (categories.indexOf(name) < 0) categories.push(name);
            valueColumns.forEach(function (column) {
                var key = seriesColumn !== null ? text(cells[Number(seriesColumn)]) : (headers[column] || '');
                if (!series[key]) { series[key] = {}; seriesOrder.push(key); }
                var previous = series[key][name];
                var value = number(cells[column]);
                // Rows that differ only by a column the chart leaves out (e.g. type, when the series is the body) add up.
                series[key][name] = {
                    value: previous && previous.value !== null && value !== null ? previous.value + value : value,
                    href: previous ? null : link(cells[column])
                };
            });
        });
        if (categories.length === 0) return null;
        if (figure.getAttribute('data-chart-order') === 'asc') {
            var numeric = categories.every(function (c) { return !isNaN(Number(c)); });
            categories.sort(function (a, b) { return numeric ? Number(a) - Number(b) : a.localeCompare(b); });
        }
        return { categories: categories, series: series, seriesOrder: seriesOrder };
    }

    function wholeNumbers(data) {
        return data.seriesOrder.every(function (key) {
            return Object.keys(data.series[key]).every(function (c) {
                var value = data.series[key][c].value;
                return value === null || Number.isInteger(value);
            });
        });
    }

    function draw(figure) {
        var data = read(figure);
        var canvas = figure.querySelector('.chart-canvas');
        if (!data || !canvas || typeof echarts === 'undefined') {
            figure.hidden = true;
            return;
        }
        var kind = figure.getAttribute('data-chart-kind') || 'bar';
        var chart = echarts.init(canvas, null, { renderer: 'canvas' });
        chart.setOption({
            color: palette,
            animation: false,
            textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily },
            // richText keeps the tooltip inside the canvas: an HTML tooltip carries style attributes the CSP refuses.
            tooltip: { trigger: 'axis', renderMode: 'richText' },
            legend: { show: data.seriesOrder.length > 1, top: 0, type: 'scroll' },
            grid: { left: 8, right: 16, top: data.seriesOrder.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
            // Categories in the table's order are steps (of a funnel): every one is labelled, broken over lines.
            xAxis: figure.getAttribute('data-chart-order') === 'table'
                ? { type: 'category', data: data.categories,
                    axisLabel: { interval: 0, overflow: 'break', width: Math.max(60, canvas.clientWidth / Math.max(1, data.categories.length) - 12) } }
                : { type: 'category', data: data.categories },
            yAxis: kind === 'share' ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }
                : { type: 'value', minInterval: wholeNumbers(data) ? 1 : 0 },
            series: data.seriesOrder.map(function (key) {
                return {
                    name: key,
                    type: kind === 'line' ? 'line' : 'bar',
                    stack: kind === 'stacked' ? 'all' : undefined,
                    connectNulls: false,
                    barMaxWidth: 56,
                    symbolSize: 9,
                    data: data.categories.map(function (c) {
                        var point = data.series[key][c];
                        return point ? { value: point.value, href: point.href } : { value: null };
                    })
                };
            })
        });
        chart.on('click', function (event) {
            if (event.data && event.data.href) window.location.href = event.data.href;
        });
        window.addEventListener('resize', function () { chart.resize(); });
        figure.setAttribute('data-chart-drawn', String(data.categories.length));
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('figure.chart[data-chart-table]').forEach(draw);
    });
}());
