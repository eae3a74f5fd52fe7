package passagesearch.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import passagesearch.bench.Report.Growth;
import passagesearch.bench.Report.Load;
import passagesearch.bench.Report.Micro;
import passagesearch.bench.Report.Results;

/** The results as PNG charts (XChart), written beside latest.md; returns their file names in order. */
final class Charts {
  private static final Map<String, String> TITLES = new LinkedHashMap<>();
  private static final Color SEARCH = new Color(0x1f77b4);
  private static final Color HEALTH = new Color(0x2ca02c);
  private static final Color OTHER = new Color(0xd62728);

  private Charts() {}

  static String title(String file) {
    String name = Path.of(file).getFileName().toString();
    return TITLES.getOrDefault(name, name);
  }

  static List<String> draw(Results r, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> files = new ArrayList<>();
    for (String corpus : List.of("seed", "scifact")) {
      List<Load> rows = r.load().stream().filter(l -> l.corpus().equals(corpus)).toList();
      if (!rows.isEmpty()) {
        save(() -> latency(corpus, rows), dir, "latency-" + corpus + ".png",
            "Latency percentiles per connection count, " + corpus, files);
      }
    }
    if (!r.load().isEmpty()) {
      save(() -> throughput(r.load()), dir, "throughput.png", "Requests per second per connection count", files);
    }
    List<Growth> built = r.growth().stream().filter(g -> Double.isFinite(g.buildS()) && g.documents() > 0).toList();
    if (built.size() > 1) {
      save(() -> growthBuild(built), dir, "growth-build.png", "Build time and index size against corpus size", files);
    }
    if (r.growth().stream().filter(g -> g.p50Ms() != null).count() > 1) {
      save(() -> growthLatency(r.growth()), dir, "growth-latency.png", "Search latency against corpus size", files);
    }
    if (!r.micro().isEmpty()) {
      save(() -> micro(r.micro()), dir, "jmh.png", "In-process search path, time per query by stage", files);
    }
    return files;
  }

  /** Draws and saves one chart; a chart that cannot be drawn (a partial run) is left out, not fatal. */
  private static void save(Supplier<CategoryChart> chart, Path dir, String file, String title, List<String> files)
      throws IOException {
    try {
      BitmapEncoder.saveBitmap(chart.get(), dir.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (RuntimeException e) {
      System.err.println("chart " + file + " left out: " + e);
      return;
    }
    TITLES.put(file, title);
    files.add(file);
  }

  private static CategoryChart lineChart(String title, String x, String y) {
    CategoryChart chart = new CategoryChartBuilder().width(820).height(460).title(title).xAxisTitle(x).yAxisTitle(y).build();
    var st = chart.getStyler();
    st.setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
    // Lines, not bars: every series at the same place on the x axis.
    st.setOverlapped(true);
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotGridVerticalLinesVisible(false);
    st.setMarkerSize(7);
    return chart;
  }

  /**
   * A logarithmic y axis when the values span more than 20 times (XChart labels only powers of ten
   * there, so a narrower range would have almost no labels).
   */
  private static void logWhenWide(CategoryChart chart) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (CategorySeries s : chart.getSeriesMap().values()) {
      min = Math.min(min, s.getYMin());
      max = Math.max(max, s.getYMax());
    }
    chart.getStyler().setYAxisLogarithmic(min > 0 && max / min > 20);
    if (!chart.getStyler().isYAxisLogarithmic()) {
      chart.setYAxisTitle(chart.getYAxisTitle().replace(" (log scale)", ""));
    }
  }

  private static void line(CategoryChart chart, String name, List<String> x, List<Double> y, Color color, BasicStroke stroke) {
    CategorySeries s = chart.addSeries(name, x, y);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineStyle(stroke);
  }

  private static final String[] PERCENTILES = {"p50", "p90", "p99"};
  private static final BasicStroke[] STROKES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT};

  private static CategoryChart latency(String corpus, List<Load> rows) {
    CategoryChart chart = lineChart("Latency, " + corpus + " corpus (median of runs)", "connections", "ms (log scale)");
    for (String endpoint : List.of("search", "health")) {
      List<Load> e = rows.stream().filter(l -> l.endpoint().equals(endpoint)).toList();
      if (e.isEmpty()) {
        continue;
      }
      List<String> x = e.stream().map(l -> String.valueOf(l.connections())).toList();
      List<ToDoubleFunction<Load>> pick = List.of(Load::p50Ms, Load::p90Ms, Load::p99Ms);
      for (int p = 0; p < PERCENTILES.length; p++) {
        ToDoubleFunction<Load> f = pick.get(p);
        line(chart, (endpoint.equals("health") ? "/health " : "search ") + PERCENTILES[p], x,
            e.stream().map(f::applyAsDouble).toList(), endpoint.equals("search") ? SEARCH : HEALTH, STROKES[p]);
      }
    }
    logWhenWide(chart);
    return chart;
  }

  private static CategoryChart throughput(List<Load> load) {
    CategoryChart chart = lineChart("Throughput (median of runs)", "connections", "requests/s (log scale)");
    Map<String, List<Load>> series = new LinkedHashMap<>();
    for (Load l : load) {
      if (l.corpus().equals("seed") || l.corpus().equals("scifact")) {
        series.computeIfAbsent(l.corpus() + " " + (l.endpoint().equals("health") ? "/health" : "search"), k -> new ArrayList<>()).add(l);
      }
    }
    series.forEach((name, rows) -> line(chart, name, rows.stream().map(l -> String.valueOf(l.connections())).toList(),
        rows.stream().map(Load::rps).toList(),
        name.endsWith("/health") ? HEALTH : name.startsWith("seed") ? SEARCH : OTHER,
        name.startsWith("seed") ? SeriesLines.SOLID : SeriesLines.DASH_DASH));
    logWhenWide(chart);
    return chart;
  }

  private static List<String> sizes(List<Growth> growth) {
    return growth.stream().map(g -> g.factor() + "x").toList();
  }

  private static CategoryChart growthBuild(List<Growth> growth) {
    CategoryChart chart = lineChart("Growth: SciFact copied N times", "corpus size", "seconds / MB (log scale)");
    Growth one = growth.get(0);
    line(chart, "build time (s)", sizes(growth), growth.stream().map(Growth::buildS).toList(), SEARCH, SeriesLines.SOLID);
    line(chart, "build time if linear (s)", sizes(growth),
        growth.stream().map(g -> one.buildS() * g.documents() / one.documents()).toList(), SEARCH, SeriesLines.DOT_DOT);
    line(chart, "index on disk (MB)", sizes(growth), growth.stream().map(Growth::indexMb).toList(), OTHER, SeriesLines.SOLID);
    logWhenWide(chart);
    return chart;
  }

  private static CategoryChart growthLatency(List<Growth> growth) {
    CategoryChart chart = lineChart("Growth: search at 4 connections", "corpus size", "ms (log scale)");
    List<Growth> measured = growth.stream().filter(g -> g.p50Ms() != null).toList();
    line(chart, "p50", sizes(measured), measured.stream().map(Growth::p50Ms).toList(), SEARCH, SeriesLines.SOLID);
    line(chart, "p99", sizes(measured), measured.stream().map(Growth::p99Ms).toList(), SEARCH, SeriesLines.DASH_DASH);
    line(chart, "p99 target at 16x", sizes(measured), measured.stream().map(g -> 25.0).toList(), OTHER, SeriesLines.DOT_DOT);
    logWhenWide(chart);
    return chart;
  }

  private static CategoryChart micro(List<Micro> micro) {
    CategoryChart chart = new CategoryChartBuilder().width(820).height(460)
        .title("In-process search path (JMH, average per query)").xAxisTitle("stage")
        .yAxisTitle(micro.get(0).unit().replace("us/", "µs/")).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    Map<String, List<Micro>> byCorpus = new LinkedHashMap<>();
    micro.forEach(m -> byCorpus.computeIfAbsent(m.corpus(), k -> new ArrayList<>()).add(m));
    Color[] colors = {SEARCH, OTHER, HEALTH};
    int i = 0;
    for (var e : byCorpus.entrySet()) {
      CategorySeries s = chart.addSeries(e.getKey().isEmpty() ? "score" : e.getKey(),
          e.getValue().stream().map(Micro::benchmark).toList(), e.getValue().stream().map(Micro::score).toList());
      s.setFillColor(colors[i++ % colors.length]);
    }
    return chart;
  }
}
