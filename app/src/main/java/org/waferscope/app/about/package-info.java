/** What Help → About and {@code --version} say: the name, the build's version, the licence and whose data ships. */
package org.waferscope.app.about;
