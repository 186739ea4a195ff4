package dev.packinspector.app.shell;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.PackWriter;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A bare packs folder of images, for the image preview: the real fixtures hold no image. A large
 * PNG (larger than any preview pane), a small one, and a file that starts like a PNG but is none.
 */
final class ImagePacks {
    static final int LARGE_WIDTH = 2400;
    static final int LARGE_HEIGHT = 1500;
    static final int SMALL_SIZE = 48;

    /** The ids written. */
    record Ids(ObjectId large, ObjectId small, ObjectId broken) {
    }

    private ImagePacks() {
    }

    static Ids write(Path packs) throws IOException {
        byte[] large = png(LARGE_WIDTH, LARGE_HEIGHT);
        byte[] small = png(SMALL_SIZE, SMALL_SIZE);
        // the PNG signature, then what is no PNG header
        byte[] broken = new byte[600];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, broken, 0, magic.length);
        for (int i = magic.length; i < broken.length; i++) {
            broken[i] = (byte) (i * 37 + 11);
        }
        try (var writer = new PackWriter(packs)) {
            var ids = new Ids(writer.add(large), writer.add(small), writer.add(broken));
            writer.finish();
            return ids;
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2060c0), width, height, new Color(0xe0a020)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawRect(0, 0, width - 1, height - 1);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
