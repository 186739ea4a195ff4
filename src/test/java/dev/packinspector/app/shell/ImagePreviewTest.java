package dev.packinspector.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.app.preview.ImagePane;
import dev.packinspector.store.ObjectId;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Image tab fits an image to the pane (a small one stays 1:1, centred), shows it 1:1 on
 * demand (the toggle, a double-click), says its pixel size, and puts a broken image in a
 * sentence. The real fixtures hold no image: these are PNGs written into a packs folder here.
 */
class ImagePreviewTest extends MainWindowTestBase {
    @TempDir
    Path packs;
    private ImagePacks.Ids ids;

    @BeforeEach
    void openAPacksFolderOfImages() throws IOException {
        ids = ImagePacks.write(packs);
        ui.open(packs);
        WindowDriver.onFx(() -> window().select(Navigation.View.OBJECTS));
    }

    private void preview(ObjectId id) {
        WindowDriver.onFx(() -> {
            ui.index().filter(id.toHex());
            ui.index().table().getSelectionModel().select(0);
        });
    }

    private ImagePane image() {
        return WindowDriver.onFx(() -> ui.preview().parts().image());
    }

    private Bounds viewport() {
        return WindowDriver.onFx(() -> image().viewport());
    }

    @Test
    void aLargeImageFitsThePaneAndShowsOneToOneOnDemand() {
        preview(ids.large());
        WindowDriver.waitUntil("the image is shown", () -> image().view().getImage() != null && !image().view().getImage().isError()
                && image().view().getImage().getWidth() == ImagePacks.LARGE_WIDTH);
        assertEquals(2, (int) WindowDriver.onFx(() -> ui.preview().parts().tabs().getSelectionModel().getSelectedIndex()), "the Image tab opens");
        WindowDriver.waitUntil("it is laid out", () -> viewport().getWidth() > 0 && image().view().getFitWidth() > 0
                && image().view().getFitWidth() < ImagePacks.LARGE_WIDTH);

        Bounds pane = viewport();
        double shownWidth = WindowDriver.onFx(() -> image().view().getBoundsInParent().getWidth());
        double shownHeight = WindowDriver.onFx(() -> image().view().getBoundsInParent().getHeight());
        assertTrue(shownWidth <= pane.getWidth() + 0.5 && shownHeight <= pane.getHeight() + 0.5, "fitted: " + shownWidth + "×" + shownHeight + " in " + pane);
        assertTrue(Math.abs(shownWidth - pane.getWidth()) < 1 || Math.abs(shownHeight - pane.getHeight()) < 1, "as large as the pane allows");
        assertEquals((double) ImagePacks.LARGE_WIDTH / ImagePacks.LARGE_HEIGHT, shownWidth / shownHeight, 0.01, "its proportions kept");
        String size = WindowDriver.onFx(() -> image().sizeText());
        assertTrue(size.startsWith("2,400 × 1,500 px · ") && size.endsWith("% (fitted)"), size);

        robot.clickOn("#image-actual");

        assertTrue(WindowDriver.onFx(() -> image().actualSize()));
        WindowDriver.waitUntil("it is shown pixel for pixel", () -> image().view().getBoundsInParent().getWidth() == ImagePacks.LARGE_WIDTH);
        assertTrue(WindowDriver.onFx(() -> image().sizeText()).endsWith("· 100%"));

        robot.doubleClickOn(WindowDriver.onFx(() -> image().view()), MouseButton.PRIMARY);

        WindowDriver.waitUntil("a double-click fits it again", () -> !image().actualSize()
                && image().view().getBoundsInParent().getWidth() < ImagePacks.LARGE_WIDTH);
    }

    @Test
    void aSmallImageIsNotEnlarged() {
        preview(ids.small());
        WindowDriver.waitUntil("the image is shown", () -> image().view().getImage() != null
                && image().view().getImage().getWidth() == ImagePacks.SMALL_SIZE && image().view().getFitWidth() > 0);
        assertEquals(ImagePacks.SMALL_SIZE, WindowDriver.onFx(() -> image().view().getBoundsInParent().getWidth()), 0.5, "1:1, sharp");
        assertTrue(WindowDriver.onFx(() -> image().view().isVisible() && image().view().getScene() != null), "on screen");
        assertEquals("48 × 48 px · 100%", WindowDriver.onFx(() -> image().sizeText()));
        assertFalse(WindowDriver.onFx(() -> image().actualSize()), "fitted, which for a small image is 1:1");
    }

    @Test
    void anImageThatDoesNotDecodeSaysSoInASentence() {
        preview(ids.broken());
        WindowDriver.waitUntil("the image tab says why there is no image", () -> ui.preview().shown().imageMessage().startsWith("This file"));
        assertEquals("This file's content is not a valid PNG image: its header is damaged.", WindowDriver.onFx(() -> ui.preview().shown().imageMessage()));
        assertEquals("", WindowDriver.onFx(() -> image().sizeText()), "no size for no image");

        preview(ids.small());
        WindowDriver.waitUntil("the next image shows", () -> image().view().getImage() != null && ui.preview().shown().imageMessage().isEmpty());
    }
}
