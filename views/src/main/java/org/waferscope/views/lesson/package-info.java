/** The lesson pane: a sample's title, summary and lesson text, in simple Markdown-like blocks. */
package org.waferscope.views.lesson;
