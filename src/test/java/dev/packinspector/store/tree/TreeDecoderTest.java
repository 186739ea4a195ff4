package dev.packinspector.store.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packinspector.store.ObjectId;
import dev.packinspector.store.ProblemKind;
import dev.packinspector.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bitcode decoder on the worked examples of TREES-FORMAT.md §7.6–7.7, and on bytes bitcode refuses. */
class TreeDecoderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Path LABEL = Path.of("test.tree");
    private static final ObjectId ZERO = ObjectId.parse("00000000000000000000000000000000");

    private static List<TreeEntry> decode(String hex) throws StoreException {
        return TreeDecoder.decode(HEX.parseHex(hex.replace(" ", "")), LABEL);
    }

    private static StoreException refused(String hex) {
        return assertThrows(StoreException.class, () -> decode(hex));
    }

    private static TreeEntry file(String name, long size, int mode) {
        return new TreeEntry(name, TreeEntry.Kind.FILE, ZERO, size, mode);
    }

    @Test
    void theEmptyTreeIsOneZeroByteWithChkptsId() throws Exception {
        assertEquals(List.of(), decode("00"));
        assertEquals("dbec4e07f4df4bc46a0f0092935ecda6", ObjectId.of(new byte[] {0}).toHex());
    }

    @Test
    void oneFileDecodesToItsNameHashSizeAndMode() throws Exception {
        String bytes = "0105612e74787400009ce4c8f135b4105a6df569e0c786ba6b060602a481";
        assertEquals(List.of(new TreeEntry("a.txt", TreeEntry.Kind.FILE, ObjectId.parse("9ce4c8f135b4105a6df569e0c786ba6b"), 6, 0100644)),
                decode(bytes));
        assertEquals("5c27d437022cf402f9acb8180a8fdf80", ObjectId.of(HEX.parseHex(bytes)).toHex());
    }

    @Test
    void fourFoldersUseBaseSixNameLengthsAndANestedByteColumnForSizes() throws Exception {
        String hashes = IntStream.range(0, 64).mapToObj(i -> String.format("%02x", i)).reduce("", String::concat);
        List<TreeEntry> entries = decode("04 04ab04 626967 66323534 66323535 66323536 28 00" + hashes + " 060a00 02ed41ed41ed41ed41");
        assertEquals(List.of("big", "f254", "f255", "f256"), entries.stream().map(TreeEntry::name).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(TreeEntry.Kind.DIR, entries.get(i).kind());
            assertEquals(0, entries.get(i).size());
            assertEquals(040755, entries.get(i).mode());
            assertEquals(ObjectId.fromBytes(HEX.parseHex(hashes), 16 * i), entries.get(i).id());
        }
    }

    @Test
    void sizesBeyondFourGibibytesTakeTheFullWidthColumn() throws Exception {
        int[] lengths = {3, 3, 10, 5, 5, 12, 12, 4, 7, 7};
        long[] sizes = {0, 1, 255, 65536, 1L << 32, 5L << 30, 7, 8, 9, 10};
        var names = new StringBuilder();
        var sizeColumn = new StringBuilder("00");
        for (int i = 0; i < 10; i++) {
            names.append(HEX.formatHex(("n" + "x".repeat(lengths[i] - 1)).getBytes(StandardCharsets.US_ASCII)));
            sizeColumn.append(HEX.formatHex(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(sizes[i]).array()));
        }
        assertTrue(sizeColumn.toString().contains("0000000001000000") && sizeColumn.toString().contains("0000004001000000"));
        List<TreeEntry> entries = decode("0a 02335ac54c77" + names + "0000 00" + "00".repeat(160) + sizeColumn + "03a48100000a0000");
        assertEquals(10, entries.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(lengths[i], entries.get(i).name().length());
            assertEquals(sizes[i], entries.get(i).size());
            assertEquals(0100644, entries.get(i).mode());
        }
    }

    @Test
    void namesOf255BytesGoThroughTheLargeLengthColumn() throws Exception {
        var entries = new ArrayList<TreeEntry>();
        for (int i = 0; i < 15; i++) {
            entries.add(file("f" + (char) ('a' + i), i, 0100644));
        }
        entries.add(file("日".repeat(85), 1, 0100644));
        entries.add(file("😀".repeat(63) + "abc", 2, 0100644));
        byte[] bytes = TreeEncoder.encode(entries);
        String hex = HEX.formatHex(bytes);
        assertTrue(hex.startsWith("11" + "00" + "02".repeat(15) + "ffff" + "06ffff"), hex);
        assertEquals(entries, TreeDecoder.decode(bytes, LABEL));
    }

    @Test
    void aThousandEntriesTakeAThreeByteVecLength() throws Exception {
        var entries = new ArrayList<TreeEntry>();
        for (int i = 1; i <= 1000; i++) {
            entries.add(file("file" + i, String.valueOf(i).length(), 0100644));
        }
        byte[] bytes = TreeEncoder.encode(entries);
        assertEquals("ff04e803", HEX.formatHex(bytes, 0, 4));
        assertEquals(entries, TreeDecoder.decode(bytes, LABEL));
    }

    @Test
    void symlinkVariantsPackFiveToAByteInBaseThree() throws Exception {
        int[] kinds = {2, 2, 2, 0, 2, 2, 0, 0, 0, 1};
        long[] sizes = {13, 7, 3, 2, 300, 5, 6, 7, 8, 0};
        var entries = new ArrayList<TreeEntry>();
        for (int i = 0; i < 10; i++) {
            int mode = kinds[i] == 2 ? 0120777 : kinds[i] == 1 ? 040755 : 0100644;
            entries.add(new TreeEntry("e" + i, TreeEntry.Kind.values()[kinds[i]], ZERO, sizes[i], mode));
        }
        byte[] bytes = TreeEncoder.encode(entries);
        String hex = HEX.formatHex(bytes);
        assertTrue(hex.contains("bc53"), hex);
        assertTrue(hex.contains("040d000700030002002c01"), hex);
        assertTrue(hex.contains("02ffa1ffa1ffa1a481"), hex);
        assertEquals(entries, TreeDecoder.decode(bytes, LABEL));
    }

    @Test
    void validButUnusualBytesDecode() throws Exception {
        // an empty name (lengths byte 00) and a 300-byte name (FF + 04 2C01 in the large column)
        assertEquals(List.of(file("", 0, 0)), decode("01 00 00 00" + "00".repeat(16) + "0600 0400"));
        String name = "n".repeat(300);
        assertEquals(List.of(file(name, 0, 0)),
                decode("01 ff 042c01" + HEX.formatHex(name.getBytes(StandardCharsets.US_ASCII)) + "00 00" + "00".repeat(16) + "0600 0400"));
        // a hash column in a min form no encoder chooses: 16 bytes all 7, header 09 (2 states) + min 07
        assertEquals(ObjectId.fromBytes(new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}, 0),
                decode("01 00 00 09070000 0600 0400").get(0).id());
    }

    @Test
    void bytesBitcodeRefusesAreRefused() throws Exception {
        String oneFile = "01 05 612e747874 00 00" + "00".repeat(16) + " 0606 02a481";
        assertEquals(ProblemKind.TREE_CORRUPT, refused(oneFile + "00").kind(), "trailing byte");
        assertTrue(refused(oneFile + "00").getMessage().contains("trailing"));
        assertTrue(refused("01 05 612e747874 00 0b" + "00".repeat(16) + " 0606 02a481").getMessage().contains("invalid packing"));
        assertTrue(refused("01 05 612e747874 00 00" + "00".repeat(16) + " 0706 02a481").getMessage().contains("invalid packing"));
        assertTrue(refused("01 05 612e747874 00 00" + "00".repeat(16) + " 0606 05a481").getMessage().contains("invalid packing"));
        assertEquals("a.txt", assertDoesNotThrowDecode("01 05 612e747874 03 00" + "00".repeat(16) + " 0606 02a481"),
                "bitcode reads a variant byte by the modulo rule: 3 holds 0 and an unused digit");
        assertTrue(refused("01 05 612e747874 f3 00" + "00".repeat(16) + " 0606 02a481").getMessage().contains("holds no 5 values"));
        assertTrue(refused("01 05 61ff747874 00 00" + "00".repeat(16) + " 0606 02a481").getMessage().contains("UTF-8"));
        assertTrue(refused("01 05 61c0af7874 00 00" + "00".repeat(16) + " 0606 02a481").getMessage().contains("UTF-8"), "overlong");
        assertTrue(refused(oneFile.substring(0, oneFile.length() - 2)).getMessage().contains("more bytes"), "truncated");
        assertTrue(refused("").getMessage().contains("more bytes"));
    }

    private static String assertDoesNotThrowDecode(String hex) throws StoreException {
        return decode(hex).get(0).name();
    }

    @Test
    void lengthsAreCheckedBeforeAnythingIsAllocated() {
        assertTrue(refused("ff 00 ffffffffffffff7f").getMessage().contains("huge length"));
        assertTrue(refused("ff 00 ffffffffffffffff").getMessage().contains("huge length"));
        StoreException tooMany = refused("ff 00 0000000001000000" + "00".repeat(64));
        assertEquals(ProblemKind.TREE_STRUCTURE_INVALID, tooMany.kind(), tooMany.getMessage());
        assertTrue(refused("ff 00 0000100000000000").getMessage().contains("needs at least"));
        assertTrue(refused("01 ff 00 ffffff0000000000 00").getMessage().contains("names need"));
        assertTrue(refused("03 00 0a0b0c 00").getMessage().contains("more bytes"));
    }

    @Test
    void errorsNameTheFileTheRecordAndTheByte() {
        byte[] trailing = HEX.parseHex("0105612e7478740000" + "00".repeat(16) + "060602a48100");
        var e = assertThrows(StoreException.class, () -> TreeDecoder.decode(java.lang.foreign.MemorySegment.ofArray(trailing),
                Path.of("trees.dat"), 1234, ZERO));
        assertEquals(Path.of("trees.dat"), e.file());
        assertEquals(1234, e.offset());
        assertTrue(e.getMessage().contains("tree " + ZERO) && e.getMessage().contains("at byte 30 of its 31"), e.getMessage());
    }

    @Test
    void theEncoderUsedByOtherTestsWritesTheWorkedExamplesBytes() throws Exception {
        String bytes = "0105612e74787400009ce4c8f135b4105a6df569e0c786ba6b060602a481";
        assertArrayEquals(HEX.parseHex(bytes), TreeEncoder.encode(decode(bytes)));
        var out = new ByteArrayOutputStream();
        TreeEncoder.ints(out, new long[] {0100644, 0100644, 0100644, 0100644, 0100644, 0100644, 0100644, 0100644, 0100644, 0100644}, 32);
        assertEquals("03a48100000a0000", HEX.formatHex(out.toByteArray()));
    }
}
