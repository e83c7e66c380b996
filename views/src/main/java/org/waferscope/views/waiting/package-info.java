/** "Why is it stuck?": the waiting chain of stalled PEs as a list. */
package org.waferscope.views.waiting;
