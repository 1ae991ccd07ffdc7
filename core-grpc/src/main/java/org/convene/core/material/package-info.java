/**
 * Materials of sessions: slides, documents, recordings and links. Metadata rows live in
 * {@code core.session_material}, file content in the {@link org.convene.core.storage.ContentStore}.
 * Content is stored before its row is written and removed after its row's deletion commits;
 * an upload that fails on the way (too large, wrong type, cancelled) leaves neither.
 */
package org.convene.core.material;
