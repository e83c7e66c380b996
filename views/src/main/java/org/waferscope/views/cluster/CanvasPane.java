package org.waferscope.views.cluster;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.views.Paintable;

/**
 * A region drawn on one canvas from the model's frame and playhead: it marks itself dirty
 * when either, its size or its theme colours change, and repaints only then, once per pulse.
 *
 * <p>A canvas cannot take CSS colours itself, so the theme reaches it through the styleable
 * properties below (style class {@code cluster-canvas}): the stylesheet maps them to the
 * theme's looked-up colours, and a pane outside any stylesheet keeps the light defaults.
 */
abstract class CanvasPane extends Region implements Paintable {
    private static final StyleablePropertyFactory<CanvasPane> STYLE =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    final ClusterViewModel model;
    private final Canvas canvas = new Canvas();
    private boolean dirty = true;

    /** The canvas background. */
    final StyleableObjectProperty<Color> paper = colour("paper", "-ws-canvas-paper", s -> s.paper, Color.WHITE);
    /** Titles, labels and axis figures. */
    final StyleableObjectProperty<Color> ink = colour("ink", "-ws-canvas-ink", s -> s.ink, Color.web("#222222"));
    /** Secondary text and the axis. */
    final StyleableObjectProperty<Color> muted = colour("muted", "-ws-canvas-muted", s -> s.muted,
            Color.web("#555555"));
    /** A component's box. */
    final StyleableObjectProperty<Color> box = colour("box", "-ws-canvas-box", s -> s.box, Color.web("#f5f5f5"));
    /** Every other row of the timeline. */
    final StyleableObjectProperty<Color> stripe = colour("stripe", "-ws-canvas-stripe", s -> s.stripe,
            Color.web("#f7f7f7"));
    /** An idle link and an idle component's border. */
    final StyleableObjectProperty<Color> line = colour("line", "-ws-canvas-line", s -> s.line, Color.web("#a0a0a0"));

    CanvasPane(ClusterViewModel model) {
        this.model = model;
        getStyleClass().add("cluster-canvas");
        getChildren().add(canvas);
        model.frameProperty().addListener((o, a, b) -> dirty = true);
        model.playheadProperty().addListener((o, a, b) -> dirty = true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
        for (StyleableObjectProperty<Color> c : List.of(paper, ink, muted, box, stripe, line)) {
            c.addListener((o, a, b) -> dirty = true);
        }
    }

    private StyleableObjectProperty<Color> colour(String name, String css,
                                                  java.util.function.Function<CanvasPane, javafx.css.StyleableProperty<Color>> of,
                                                  Color initial) {
        return (StyleableObjectProperty<Color>) STYLE.createStyleableColorProperty(this, name, css, of, initial);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    @Override
    public void paintIfDirty() {
        if (!dirty || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(paper.get());
        g.fillRect(0, 0, getWidth(), getHeight());
        ClusterFrame f = model.frameProperty().get();
        if (f != null) {
            paint(g, f, getWidth(), getHeight());
        }
    }

    /** Draws the frame on a cleared canvas of the given size. */
    abstract void paint(GraphicsContext g, ClusterFrame f, double w, double h);
}
