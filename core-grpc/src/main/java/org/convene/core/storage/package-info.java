/**
 * Where core keeps file content (the bytes of session materials): one {@link ContentStore}
 * interface, by default {@link LocalContentStore}, a folder in the platform's data folder. A
 * bean of another {@code ContentStore} (object storage, say) replaces it.
 */
package org.convene.core.storage;
