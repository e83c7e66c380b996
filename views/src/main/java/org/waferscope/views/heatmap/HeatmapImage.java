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
    private WritableImage image;

    /** Re-colours the image from {@code frame}; FX thread. */
    void update(Frame frame, int[] lut, boolean fitToData) {
        boolean resized = raster.render(frame, lut, fitToData);
        if (resized || image == null) {
            image = new WritableImage(raster.width(), raster.height());
        }
        image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(raster.pixels()), raster.width());
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
