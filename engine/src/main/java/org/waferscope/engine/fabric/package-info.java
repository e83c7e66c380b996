/** The fabric: layout (routes and tile code), the flat structure-of-arrays state of every PE, the router and the compute engine. */
package org.waferscope.engine.fabric;
