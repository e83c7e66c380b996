package org.waferscope.views.heatmap;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.palette.Palette;

/**
 * What one heatmap frame costs at full wafer (757 × 996 PEs): colouring through the LUT,
 * the bulk pixel upload, and a whole repaint of a 1000 × 800 view rendered by the
 * software pipeline (snapshot, so the render is included). Run with the {@code bench}
 * profile; JMH forks inherit the headless Monocle flags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeatmapFrameBench {
    static final int W = 757;
    static final int H = 996;

    private Frame[] frames;
    private int next;
    private final int[] lut = Palette.VIRIDIS.lut();
    private final HeatmapRaster raster = new HeatmapRaster();
    private HeatmapImage image;
    private HeatmapView view;
    private Stage stage;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random r = new Random(1);
        frames = new Frame[4];
        for (int k = 0; k < frames.length; k++) {
            float[] v = new float[W * H];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextFloat();
            }
            frames[k] = new Frame(k + 1, k, SimState.RUNNING, W, H, MetricLayer.UTILIZATION, 0, v, 0, 1, null,
                    FabricStats.NONE, List.of(), "");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        onFx(() -> {
            image = new HeatmapImage();
            view = new HeatmapView();
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 1000, 800));
            stage.show();
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onFx(stage::close);
        Platform.exit();
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
    }

    private Frame nextFrame() {
        next = (next + 1) % frames.length;
        return frames[next];
    }

    /** Values → ARGB through the lookup table, into the reused buffer. */
    @Benchmark
    public int raster() {
        raster.render(nextFrame(), lut);
        return raster.pixels()[12345];
    }

    /** The above plus the one bulk write into the image. */
    @Benchmark
    public void rasterAndUpload() throws Exception {
        Frame f = nextFrame();
        onFx(() -> image.update(f, lut, false));
    }

    /** A new frame painted into the view and rendered (snapshot) at fit-to-view. */
    @Benchmark
    public void paintAndRender() throws Exception {
        Frame f = nextFrame();
        onFx(() -> {
            view.setFrame(f);
            view.paintIfDirty();
            view.snapshot(null, null);
        });
    }
}
