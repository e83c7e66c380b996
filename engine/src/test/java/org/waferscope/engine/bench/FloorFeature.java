package org.waferscope.engine.bench;

/**
 * What a {@link ModelFloor} may add to its kernel of the engine's work, one feature of the
 * engine at a time, to measure what each costs (docs/benchmarks.md, "where the engine's 5x goes").
 */
public enum FloorFeature {
    /** Moves parked in the compute pass and pushed onto their links in a commit pass, as the engine's two phases do. */
    TWO_PHASE,
    /** Each source's wavelet sent where its route word and plan say, read per visit as the engine's router reads them ({@link FloorRoutes}). */
    ROUTES,
    /** Every wavelet through three channel records, the engine's, each copy with its counters ({@link FloorChannels}). */
    CHANNELS,
    /** The engine's bitmaps of busy, active, woken, touched and sleeping PEs and its tallies; needs {@link #TWO_PHASE} ({@link FloorUpkeep}). */
    UPKEEP,
    /** The CE's program as an instruction array dispatched by a switch each cycle ({@link FloorInterpreter}). */
    INTERPRETER,
    /** x, acc and the iteration count in a byte array per PE, the engine's SRAM layout, through its accessors ({@link FloorSram}). */
    SRAM_BYTES,
    /** The vector ops run element by element from decoded descriptors, as the engine's decoded ops; needs {@link #SRAM_BYTES} ({@link FloorDsd}). */
    DSD,
    /** The engine's flags and counts words, fault guard, stall accounting, completion options and task picker ({@link FloorTasks}). */
    TASKS,
    /** The per-PE tables the engine's visit reads, the router's claimed ports and its pops published in the commit; needs {@link #TWO_PHASE} ({@link FloorTables}). */
    TABLES,
    /** {@link #SRAM_BYTES}'s SRAM as an int array per PE, word-addressed, instead of bytes; not with {@link #DSD}. */
    SRAM_WORDS,
    /** {@link #DSD}'s decoded entries run from direct operand slots (address, queue, kind fixed at load) instead of descriptors; needs {@link #SRAM_BYTES}, not with DSD. */
    DIRECT_OPS,
    /** {@link #TABLES}' per-PE tables read at each visit, without the router's state word; not with TABLES. */
    VISIT_TABLES
}
