package se.kvinnohalsa.indicators.observation;

/** Rows of a batch, read one at a time from the request body (never the whole body at once). */
interface RowSource extends AutoCloseable {

    /** The next row, or null after the last. Throws MalformedRequestException when the body cannot be read on. */
    RawRow next();

    @Override
    void close();
}
