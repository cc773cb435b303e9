/**
 * The result screens of the workbench: the Compliance overview and the Findings page (findings table,
 * posture matrix, resource detail with filled remediation).
 *
 * <p>How the shell plugs them in:
 * <ul>
 *   <li>{@link io.tablewarden.ui.results.CompliancePage#page()} and
 *       {@link io.tablewarden.ui.results.FindingsPage#page()} are the sidebar entries; both show
 *       {@code context.currentScan()} and follow its changes.</li>
 *   <li>{@code WorkbenchContext.openResource(arn)} should call
 *       {@code ResultsNavigation.of(context).openResource(context, arn)}: the Findings page then shows that
 *       resource's detail.</li>
 *   <li>Ctrl+F inside the Findings page focuses its search box; a window-wide shortcut can call
 *       {@link io.tablewarden.ui.results.FindingsPage#focusSearch()} on the page node.</li>
 * </ul>
 *
 * <p>Each view has a ViewModel that holds its state as JavaFX properties and never touches a control, so the
 * filtering, counting and remediation logic is tested without a toolkit.
 */
package io.tablewarden.ui.results;
