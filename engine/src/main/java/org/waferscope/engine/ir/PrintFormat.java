package org.waferscope.engine.ir;

import java.util.List;
import org.waferscope.engine.arch.ElementType;

/**
 * A simprint format: literal text with placeholders {@code {d}} (decimal), {@code {X}}
 * (hexadecimal) and {@code {f}} (float), one for each argument in order.
 *
 * @param template the text with its placeholders
 * @param argTypes the type of each argument slot
 */
public record PrintFormat(String template, List<ElementType> argTypes) {
    public PrintFormat {
        argTypes = List.copyOf(argTypes);
    }

    /** Renders the template with argument values in register form. */
    public String render(int[] args) {
        StringBuilder out = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}' && arg < args.length) {
                char spec = template.charAt(i + 1);
                ElementType t = arg < argTypes.size() ? argTypes.get(arg) : ElementType.I32;
                int v = args[arg++];
                out.append(switch (spec) {
                    case 'X', 'x' -> Integer.toHexString(t.bytes == 2 ? v & 0xFFFF : v).toUpperCase(java.util.Locale.ROOT);
                    case 'f' -> t.isFloat ? Float.toString(Float.intBitsToFloat(v)) : Float.toString(v);
                    default -> t.isFloat ? Float.toString(Float.intBitsToFloat(v))
                            : (t.signed ? Integer.toString(v) : Long.toString(v & 0xFFFFFFFFL));
                });
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
