package org.sea.pli.mart;

/**
 * One mart of spec §5: a name that is also its schema file ({@code schemas/marts/<name>.json}).
 * Every mart a run writes is listed once, in {@link MartCatalog}.
 */
public interface Mart {

    String name();
}
