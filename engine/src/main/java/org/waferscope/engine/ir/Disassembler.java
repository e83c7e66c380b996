package org.waferscope.engine.ir;

/** Renders instructions as text. */
final class Disassembler {
    private Disassembler() {
    }

    static String line(PeProgram p, int pc) {
        int[] c = p.code();
        int base = pc * Opcode.WIDTH;
        if (pc < 0 || base >= c.length) {
            return "<no instruction>";
        }
        int word = c[base];
        int op = Opcode.op(word);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%4d  ", pc));
        if (op == Opcode.DSD_OP) {
            DsdOpKind k = DsdOpKind.values()[(word >>> 8) & 0xFF];
            sb.append(k.builtin);
            for (int i = 2; i <= 5; i++) {
                int operand = c[base + i];
                if (operand != DsdOperand.NONE) {
                    sb.append(i == 2 ? " " : ", ").append(DsdOperand.isDsd(operand) ? "dsd" : "s")
                            .append(DsdOperand.slot(operand));
                }
            }
            int opts = c[base + 1];
            if (DsdOperand.async(opts)) {
                sb.append(" async");
            }
            return sb.toString();
        }
        sb.append(Opcode.name(op));
        if (Opcode.isTyped(op)) {
            sb.append('.').append(Opcode.type(word).cslName());
        }
        int n = operandCount(op);
        for (int i = 1; i <= n; i++) {
            sb.append(i == 1 ? " " : ", ").append(c[base + i]);
        }
        return sb.toString();
    }

    private static int operandCount(int op) {
        return switch (op) {
            case Opcode.NOP, Opcode.UNBLOCK_CMD_STREAM, Opcode.TRAP -> 0;
            case Opcode.RET, Opcode.ACTIVATE, Opcode.BLOCK, Opcode.UNBLOCK, Opcode.JMP, Opcode.TIMESTAMP,
                    Opcode.CYCLE, Opcode.ACTIVATE_SLOT -> 1;
            case Opcode.CONV, Opcode.BITCAST, Opcode.DSD_ADD_OFFSET, Opcode.MATH -> 4;
            case Opcode.CONST, Opcode.MOV, Opcode.JZ, Opcode.JNZ, Opcode.CALL, Opcode.NEG, Opcode.NOT,
                    Opcode.LNOT, Opcode.LDG, Opcode.STG, Opcode.COORD, Opcode.ADDR_OF_SLOT -> 2;
            default -> 3;
        };
    }
}
