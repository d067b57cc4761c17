package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelCounts;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.report.ConversionReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code siyu report --html}: one self-contained HTML page (no network when viewed) with four Apache ECharts charts —
 * the funnel, conversion by day since entry per cohort, the forecast beside the actual, and conversion per arm and
 * script variant with 95% intervals. ECharts is read from its WebJar on the class path and inlined.
 *
 * <p>Each chart sets {@code data-rendered="true"} on its element when ECharts reports it {@code finished}, and the
 * page records every script error and {@code console.error} in {@code #errors} ({@code data-errors} counts them),
 * so that a headless browser's DOM shows whether the page drew (HtmlReportTest).
 */
final class HtmlReport {
    /** The ids of the charts, in page order. */
    static final List<String> CHARTS = List.of("funnel", "byDay", "forecast", "variants");

    private HtmlReport() {
    }

    /**
     * Adds up the journeys of a funnel into the cumulative conversion by day since entry, per cohort: day 0 to the
     * last conversion day and three more.
     */
    static final class ByDay implements Consumer<Journey> {
        private final FunnelConfig config;
        private final int days;
        private final Map<String, long[]> buyersByDay = new TreeMap<>();
        private final Map<String, Long> entered = new TreeMap<>();

        ByDay(FunnelConfig config) {
            this.config = config;
            this.days = config.lastConversionDay() + 4;
        }

        @Override
        public void accept(Journey journey) {
            if (journey.stage() == Stage.NEW || journey.startDate() == null) {
                return;
            }
            String cohort = journey.cohortCodes().isEmpty() ? "untagged" : journey.cohortCodes();
            entered.merge(cohort, 1L, Long::sum);
            long[] buyers = buyersByDay.computeIfAbsent(cohort, c -> new long[days]);
            journey.firstPurchaseAt().ifPresent(at -> {
                long day = LocalDate.ofInstant(at, config.zone()).toEpochDay() - journey.startDate().toEpochDay();
                for (long d = Math.max(0, day); d < days; d++) {
                    buyers[(int) d]++;
                }
            });
        }
    }

    /**
     * The page.
     *
     * @param title      the page's title (the pack and when)
     * @param actual     the funnel report over the store
     * @param byDay      the conversion by day per cohort
     * @param forecast   the pack's forecast
     * @param conversion the arms and variants
     * @return the HTML, UTF-8 text
     */
    static String render(String title, FunnelReport actual, ByDay byDay, FunnelReport forecast,
                         ConversionReport conversion) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode data = json.createObjectNode();
        data.put("title", title);
        FunnelCounts t = actual.total();
        ArrayNode funnel = data.putArray("funnel");
        stage(funnel, "Entered 进入", t.entered());
        stage(funnel, "Bought on day 0 当天成交", t.convertedDayZero());
        stage(funnel, "In seeding 种草", t.grouped());
        stage(funnel, "In conversion 转化", t.reachedConversion());
        stage(funnel, "Nurture / left 培育/离开", t.nurture() + t.left());

        ObjectNode days = data.putObject("byDay");
        ArrayNode x = days.putArray("days");
        for (int d = 0; d < byDay.days; d++) {
            x.add(d);
        }
        ArrayNode series = days.putArray("series");
        byDay.buyersByDay.forEach((cohort, buyers) -> {
            ObjectNode s = series.addObject();
            s.put("name", cohort);
            ArrayNode values = s.putArray("values");
            long n = byDay.entered.get(cohort);
            for (long b : buyers) {
                values.add(round(100.0 * b / n));
            }
        });

        ObjectNode compare = data.putObject("forecast");
        ArrayNode names = compare.putArray("names");
        ArrayNode a = compare.putArray("actual");
        ArrayNode f = compare.putArray("forecast");
        rate(names, a, f, "Day 0 当天", t.dayZeroRate(), forecast.total().dayZeroRate());
        rate(names, a, f, "Seeding 种草", t.seedingRate(), forecast.total().seedingRate());
        rate(names, a, f, "Conversion 转化", t.conversionRate(), forecast.total().conversionRate());
        rate(names, a, f, "Cumulative 累计", t.cumulativeRate(), forecast.total().cumulativeRate());
        rate(names, a, f, "7-day repurchase 7天复购", t.repurchase7DaysRate(), forecast.total().repurchase7DaysRate());

        ArrayNode variants = data.putArray("variants");
        interval(variants, "treatment 实验组", conversion.treatment());
        if (conversion.holdout().isActive()) {
            interval(variants, "holdout 对照组", conversion.holdoutArm());
        }
        for (ConversionReport.ScriptConversion s : conversion.scripts()) {
            for (ConversionReport.Variant v : s.variants()) {
                interval(variants, v.variant().isEmpty() ? s.scriptId() : s.scriptId() + " " + v.variant(),
                        v.conversion());
            }
        }
        ArrayNode verdicts = data.putArray("verdicts");
        verdicts.add(conversion.uplift().verdict(java.util.Locale.ENGLISH) + " " + conversion.uplift()
                .verdict(java.util.Locale.SIMPLIFIED_CHINESE));
        for (ConversionReport.ScriptConversion s : conversion.scripts()) {
            s.comparison().ifPresent(c -> verdicts.add(s.scriptId() + ": " + c.verdict(java.util.Locale.ENGLISH)
                    + " " + c.verdict(java.util.Locale.SIMPLIFIED_CHINESE)));
        }

        // JSON inside <script>: "</" would end the element, so it is written "<\/" (the same string to JavaScript).
        String dataJson = data.toString().replace("</", "<\\/");
        String echarts = echarts().replace("</script", "<\\/script");
        return PAGE.replace("%TITLE%", escape(title)).replace("%DATA%", dataJson).replace("%ECHARTS%", echarts);
    }

    private static void stage(ArrayNode funnel, String name, long value) {
        funnel.addObject().put("name", name).put("value", value);
    }

    private static void rate(ArrayNode names, ArrayNode actual, ArrayNode forecast, String name, double a, double f) {
        names.add(name);
        actual.add(round(a * 100));
        forecast.add(round(f * 100));
    }

    private static void interval(ArrayNode out, String name, ConversionReport.Rate rate) {
        out.addObject().put("name", name).put("rate", round(rate.rate() * 100)).put("low", round(rate.low() * 100))
                .put("high", round(rate.high() * 100)).put("n", rate.trials());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** echarts.min.js of the WebJar on the class path (its version filtered into version.properties). */
    static String echarts() {
        Properties p = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("version.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("version.properties is missing from siyu's jar", e);
        }
        String path = "/META-INF/resources/webjars/echarts/" + p.getProperty("echarts") + "/dist/echarts.min.js";
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("ECharts is missing from siyu's class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>%TITLE%</title>
            <style>
              body { font-family: -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 24px;
                     color: #222; background: #fff; }
              h1 { font-size: 22px; margin: 0 0 4px; }
              h2 { font-size: 16px; margin: 24px 0 4px; }
              .chart { width: 100%; max-width: 1100px; height: 360px; }
              .verdict { max-width: 1100px; font-size: 14px; margin: 4px 0; }
              #errors { color: #b00; white-space: pre-wrap; }
            </style>
            <script>
            // Every script error and console.error, kept in the page for whoever reads its DOM (a headless test).
            (function () {
              function record(text) {
                var box = document.getElementById('errors');
                if (!box) { window.__early = (window.__early || []).concat([text]); return; }
                box.textContent += text + '\\n';
                box.setAttribute('data-errors', String(Number(box.getAttribute('data-errors')) + 1));
              }
              window.__record = record;
              window.addEventListener('error', function (e) { record('error: ' + e.message); });
              var original = console.error;
              console.error = function () {
                record('console.error: ' + Array.prototype.join.call(arguments, ' '));
                return original.apply(console, arguments);
              };
            })();
            </script>
            <script>%ECHARTS%</script>
            </head>
            <body>
            <h1>%TITLE%</h1>
            <pre id="errors" data-errors="0"></pre>
            <h2>Funnel 漏斗</h2>
            <div id="funnel" class="chart"></div>
            <h2>Conversion by day since entry, per cohort 按入群天数的累计成交率（按标签）</h2>
            <div id="byDay" class="chart"></div>
            <h2>Forecast beside actual 预测与实际</h2>
            <div id="forecast" class="chart"></div>
            <h2>Conversion per arm and script variant, 95% intervals 各组与话术版本的成交率（95% 区间）</h2>
            <div id="variants" class="chart"></div>
            <div id="verdicts"></div>
            <script>
            (function () {
              (window.__early || []).forEach(window.__record);
              var DATA = %DATA%;
              function chart(id, option) {
                var element = document.getElementById(id);
                var c = echarts.init(element, null, { renderer: 'canvas' });
                c.on('finished', function () { element.setAttribute('data-rendered', 'true'); });
                option.animation = false;
                c.setOption(option);
                return c;
              }
              var entered = DATA.funnel.length ? Math.max(1, DATA.funnel[0].value) : 1;
              chart('funnel', {
                tooltip: { trigger: 'axis' },
                grid: { left: 190, right: 110 },
                xAxis: { type: 'value' },
                yAxis: { type: 'category', inverse: true, data: DATA.funnel.map(function (s) { return s.name; }) },
                series: [{ type: 'bar', name: 'customers', barWidth: '60%',
                           data: DATA.funnel.map(function (s) { return s.value; }),
                           label: { show: true, position: 'right', formatter: function (p) {
                             return p.value + ' (' + (100 * p.value / entered).toFixed(1) + '%)'; } } }]
              });
              chart('byDay', {
                tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
                legend: {},
                xAxis: { type: 'category', name: 'day', data: DATA.byDay.days },
                yAxis: { type: 'value', name: '% bought', axisLabel: { formatter: '{value}%' } },
                series: DATA.byDay.series.map(function (s) { return { type: 'line', name: s.name, data: s.values }; })
              });
              chart('forecast', {
                tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
                legend: {},
                xAxis: { type: 'category', data: DATA.forecast.names, axisLabel: { interval: 0 } },
                yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
                series: [{ type: 'bar', name: 'actual 实际', data: DATA.forecast.actual },
                         { type: 'bar', name: 'forecast 预测', data: DATA.forecast.forecast }]
              });
              var names = DATA.variants.map(function (v) { return v.name; });
              chart('variants', {
                tooltip: { trigger: 'axis', formatter: function (items) {
                  var v = DATA.variants[items[0].dataIndex];
                  return v.name + '<br>' + v.rate + '% (' + v.low + '% - ' + v.high + '%), n = ' + v.n; } },
                xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
                yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
                series: [
                  { type: 'bar', name: 'rate', data: DATA.variants.map(function (v) { return v.rate; }),
                    label: { show: true, position: 'insideBottom', formatter: function (p) {
                      return p.value.toFixed(1) + '%'; } } },
                  { type: 'custom', name: '95% interval',
                    data: DATA.variants.map(function (v, i) { return [i, v.low, v.high]; }),
                    renderItem: function (params, api) {
                      var low = api.coord([api.value(0), api.value(1)]);
                      var high = api.coord([api.value(0), api.value(2)]);
                      var half = api.size([1, 0])[0] * 0.15;
                      var style = { stroke: '#333', lineWidth: 1.5 };
                      return { type: 'group', children: [
                        { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
                        { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
                        { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
                      ] };
                    }, z: 10 }
                ]
              });
              var box = document.getElementById('verdicts');
              DATA.verdicts.forEach(function (text) {
                var p = document.createElement('p');
                p.className = 'verdict';
                p.textContent = text;
                box.appendChild(p);
              });
            })();
            </script>
            </body>
            </html>
            """;
}
