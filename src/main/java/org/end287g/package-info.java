/**
 * The application's entry point; each capability is a module in a subpackage (see
 * ARCHITECTURE.md).
 */
@org.jspecify.annotations.NullMarked
package org.end287g;
