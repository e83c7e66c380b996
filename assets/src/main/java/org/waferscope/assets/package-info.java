/** Locates the packaged stylesheets and icons, so no other module spells a resource path. */
package org.waferscope.assets;
