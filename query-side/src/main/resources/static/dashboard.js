/* Heard: the live dashboard. Draws the charts from the dashboard stream and swaps in the
   server-rendered tables after each change. A hidden figure ({"suppressed": true}) is drawn as a gap. */
(function () {
    'use strict';
    var page = document.querySelector('main.dashboard');
    if (!page || !window.Chart || !window.EventSource) {
        return;
    }
    var language = document.documentElement.lang || 'en';
    var colours = ['#0b4f8a', '#c2570c', '#0f6b3a', '#6b3fa0', '#4a4a4a', '#a4161a'];
    var numbers = new Intl.NumberFormat(language, {maximumFractionDigits: 2});
    var percents = new Intl.NumberFormat(language, {style: 'percent', maximumFractionDigits: 1});
    var updates = 0;

    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1b1b1b';
    Chart.defaults.animation.duration = 300;
    Chart.defaults.maintainAspectRatio = false;

    function shown(figure) {
        return figure !== null && typeof figure === 'object' ? null : figure;
    }

    function percent(figure) {
        var value = shown(figure);
        return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
    }

    function groupName(group) {
        var name = group.name || group.group || page.dataset.nogroup;
        return group.underRepresented === true ? name + ' ⚠ ' + page.dataset.under : name;
    }

    function draw(id, type, labels, datasets, options) {
        var canvas = document.getElementById(id);
        var chart = Chart.getChart(canvas);
        datasets.forEach(function (dataset, i) {
            dataset.backgroundColor = dataset.backgroundColor || colours[i % colours.length];
            dataset.borderColor = dataset.borderColor || colours[i % colours.length];
        });
        if (chart) {
            chart.data.labels = labels;
            chart.data.datasets = datasets;
            chart.update();
            return chart;
        }
        return new Chart(canvas, {type: type, data: {labels: labels, datasets: datasets}, options: options || {}});
    }

    var percentAxis = {scales: {y: {beginAtZero: true, ticks: {callback: function (v) { return v + '%'; }}}},
        plugins: {tooltip: {callbacks: {label: function (item) {
            return item.dataset.label + ': ' + (item.raw === null ? page.dataset.hidden : percents.format(item.raw / 100));
        }}}}};

    function participation(d) {
        var canvas = document.getElementById('chart-participation');
        var groups = d.participation.byGroup;
        draw('chart-participation', 'bar', groups.map(groupName), [
            {label: canvas.dataset.share, data: groups.map(function (g) { return percent(g.share); })},
            {label: canvas.dataset.population, data: groups.map(function (g) { return percent(g.populationShare); })}
        ], percentAxis);
    }

    function loop(d) {
        var canvas = document.getElementById('chart-loop');
        var l = d.loop;
        draw('chart-loop', 'bar', canvas.dataset.stages.split('|'), [{label: canvas.dataset.count,
            data: [l.submitted, l.acknowledged, l.understandingConfirmed, l.understandingCorrected, l.closed].map(shown)}],
            {indexAxis: 'y', scales: {x: {beginAtZero: true, ticks: {precision: 0}}}, plugins: {legend: {display: false}}});
    }

    function timing(d) {
        var canvas = document.getElementById('chart-timing');
        var groups = d.loop.byGroup;
        draw('chart-timing', 'bar', groups.map(function (g) { return g.group || page.dataset.nogroup; }), [
            {label: canvas.dataset.median, data: groups.map(function (g) { return shown(g.hoursToAcknowledge.median); })},
            {label: canvas.dataset.p90, data: groups.map(function (g) { return shown(g.hoursToAcknowledge.p90); })}
        ], {scales: {y: {beginAtZero: true}}});
    }

    function engagement(d) {
        var canvas = document.getElementById('chart-engagement');
        var levels = d.decisions.byEngagementLevel;
        draw('chart-engagement', 'bar', canvas.dataset.levels.split('|'), [{label: canvas.dataset.count,
            data: Object.keys(levels).map(function (level) { return levels[level]; })}],
            {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}, plugins: {legend: {display: false}}});
    }

    function indicators(d) {
        var holder = document.getElementById('indicator-charts');
        d.indicators.forEach(function (indicator) {
            var id = 'chart-indicator-' + indicator.indicatorId;
            if (!document.getElementById(id)) {
                var figure = document.createElement('figure');
                figure.className = 'chart';
                var box = document.createElement('div');
                box.className = 'chart__canvas';
                var canvas = document.createElement('canvas');
                canvas.id = id;
                canvas.setAttribute('role', 'img');
                var title = holder.dataset.chart.replace('{0}', indicator.name);
                canvas.setAttribute('aria-label', title);
                var caption = document.createElement('figcaption');
                caption.textContent = title + (indicator.unit ? ' (' + indicator.unit + ')' : '');
                box.appendChild(canvas);
                figure.appendChild(box);
                figure.appendChild(caption);
                holder.appendChild(figure);
            }
            var days = [];
            indicator.series.forEach(function (series) {
                series.points.forEach(function (point) {
                    var day = point.measuredAt.substring(0, 10);
                    if (days.indexOf(day) < 0) { days.push(day); }
                });
            });
            days.sort();
            draw(id, 'line', days.map(function (day) {
                return new Date(day + 'T12:00:00Z').toLocaleDateString(language, {day: 'numeric', month: 'short', year: 'numeric'});
            }), indicator.series.map(function (series) {
                var values = days.map(function () { return null; });
                series.points.forEach(function (point) { values[days.indexOf(point.measuredAt.substring(0, 10))] = point.value; });
                return {label: series.group || page.dataset.overall, data: values, spanGaps: true, tension: 0.2};
            }), {scales: {y: {ticks: {callback: function (v) { return numbers.format(v); }}}}});
        });
    }

    function refreshTables() {
        fetch(page.dataset.tables, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                fresh.querySelectorAll('[id]').forEach(function (replacement) {
                    var current = document.getElementById(replacement.id);
                    if (current && replacement.parentElement && !replacement.parentElement.closest('[id]')) {
                        current.replaceWith(document.importNode(replacement, true));
                    }
                });
            })
            .catch(function () { /* the next change brings the tables up to date */ });
    }

    function status(text) {
        document.getElementById('live-status').textContent = text;
    }

    var stream = new EventSource(page.dataset.stream);
    stream.addEventListener('dashboard', function (event) {
        var figures = JSON.parse(event.data);
        [participation, loop, timing, engagement, indicators].forEach(function (chart) { chart(figures); });
        if (updates > 0) {
            refreshTables();
        }
        updates += 1;
        page.dataset.updates = String(updates);
        status(page.dataset.live.replace('{0}', new Date().toLocaleTimeString(language)));
    });
    stream.addEventListener('error', function () {
        status(page.dataset.lost);
    });
})();
