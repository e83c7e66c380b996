package org.waferscope.views.heatmap;

import java.nio.IntBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.waferscope.engine.api.Frame;

/**
 * The heatmap as one image of one pixel per PE, shared by the fabric view and its minimap.
 * Each update is one bulk {@code setPixels} from the raster's reused buffer; the image is
 * replaced only when the fabric's size changes.
 */
final class HeatmapImage {
    private final HeatmapRaster raster = new HeatmapRaster();
    private final TileRaster tiles = new TileRaster();
    private WritableImage image;
    private WritableImage tileImage;

    /** Re-colours the image from {@code frame}; FX thread. */
    void update(Frame frame, int[] lut, boolean fitToData) {
        update(frame, lut, fitToData, false, false);
    }

    /**
     * As above; value tiles of 1-D arrays drawn as rows when {@code tilesAsRows}, a tile's
     * corners as no value when {@code halo}.
     */
    void update(Frame frame, int[] lut, boolean fitToData, boolean tilesAsRows, boolean halo) {
        boolean resized = raster.render(frame, lut, fitToData);
        if (resized || image == null) {
            image = new WritableImage(raster.width(), raster.height());
        }
        image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(raster.pixels()), raster.width());
        updateTiles(frame, tilesAsRows, halo);
    }

    /** The value layer's whole arrays, on the layer's scale (which spans their elements). */
    private void updateTiles(Frame frame, boolean asRows, boolean halo) {
        org.waferscope.engine.api.ValueSample s = frame.value();
        if (!tiles.render(s, raster.lut(), raster.low(), raster.high(),
                org.waferscope.views.palette.CategoricalColors.NOTHING, asRows, halo)) {
            tileImage = null;
            return;
        }
        if (tileImage == null || tileImage.getWidth() != tiles.width() || tileImage.getHeight() != tiles.height()) {
            tileImage = new WritableImage(tiles.width(), tiles.height());
        }
        tileImage.getPixelWriter().setPixels(0, 0, tiles.width(), tiles.height(), PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(tiles.pixels()), tiles.width());
    }

    TileRaster tiles() {
        return tiles;
    }

    /** The zoomed-in value tiles, or null when the frame has none. */
    WritableImage tileImage() {
        return tileImage;
    }

    HeatmapRaster raster() {
        return raster;
    }

    /** The current image, or null before the first frame. */
    WritableImage image() {
        return image;
    }

    /** The ARGB colour of PE (x, y) as last rendered. */
    int argbAt(int x, int y) {
        return raster.pixels()[y * raster.width() + x];
    }
}
