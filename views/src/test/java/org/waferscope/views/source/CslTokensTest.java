package org.waferscope.views.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.views.source.CslTokens.Kind;
import org.waferscope.views.source.CslTokens.Span;

class CslTokensTest {
    @Test
    void coloursTheUsualSuspects() {
        List<Span> s = CslTokens.split("var x: f32 = @as(f32, 2); // two");
        assertEquals(new Span(Kind.KEYWORD, "var"), s.get(0));
        assertEquals(Kind.TYPE, s.stream().filter(t -> t.text().equals("f32")).findFirst().orElseThrow().kind());
        assertEquals(Kind.BUILTIN, s.stream().filter(t -> t.text().equals("@as")).findFirst().orElseThrow().kind());
        assertEquals(Kind.NUMBER, s.stream().filter(t -> t.text().equals("2")).findFirst().orElseThrow().kind());
        assertEquals(new Span(Kind.COMMENT, "// two"), s.get(s.size() - 1));
        assertEquals("var x: f32 = @as(f32, 2); // two", String.join("", s.stream().map(Span::text).toList()));
    }
}
