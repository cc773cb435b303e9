/**
 * Publishing a stored scan's findings to AWS Security Hub: the one write Tablewarden makes, with its own client
 * and its own IAM statement, kept apart from everything that scans.
 */
package io.tablewarden.publish;
