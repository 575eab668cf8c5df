package cn.zhibiao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"GB18030", "GBK", "UTF-16LE", "UTF-16BE", "UTF-16"})
    void readsTheSameFormsWhateverTheEncoding(String charset) throws Exception {
        String text = Files.readString(Seeds.file("003"), StandardCharsets.UTF_8);
        byte[] encoded = text.getBytes(Charset.forName(charset));
        var declarations = new FormImporter(Seeds.LIMIT).read("003.txt", encoded).declarations();
        assertThat(declarations).usingRecursiveComparison().ignoringFields("source")
                .isEqualTo(Seeds.read("003").declarations());
        assertThat(declarations.getFirst().projectName()).isEqualTo("城乡居民医疗保险区级财政补助资金");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8"})
    void readsUtf8WithByteOrderMark(String ignored) throws Exception {
        byte[] text = Files.readAllBytes(Seeds.file("003"));
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        var declarations = new FormImporter(Seeds.LIMIT).read("003.txt", withBom).declarations();
        assertThat(declarations.getFirst().projectName()).isEqualTo("城乡居民医疗保险区级财政补助资金");
    }
}
