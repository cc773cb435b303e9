/**
 * The result screens of the workbench: the Compliance overview and the Findings page (findings table,
 * posture matrix, resource detail with filled remediation).
 *
 * <p>How the shell plugs them in:
 * <ul>
 *   <li>{@link io.tablewarden.ui.results.CompliancePage} and {@link io.tablewarden.ui.results.FindingsPage}
 *       are the sidebar entries; their views show {@code context.currentScan()} and follow its changes.</li>
 *   <li>Both pages get the window's {@link io.tablewarden.ui.results.ResultsNavigation}; the shell's
 *       {@code WorkbenchContext.openResource(arn)} calls its {@code openResource}, and the Findings view then
 *       shows that resource's detail.</li>
 *   <li>Ctrl+F inside the Findings view focuses its search box; a window-wide shortcut can call
 *       {@link io.tablewarden.ui.results.FindingsView#focusSearch()}.</li>
 * </ul>
 *
 * <p>Each view has a ViewModel that holds its state as JavaFX properties and never touches a control, so the
 * filtering, counting and remediation logic is tested without a toolkit.
 */
package io.tablewarden.ui.results;
