import { render, type ComponentChild } from 'preact';
import './styles.css';

/** Renders a page's root component into its `#app` element (every page's HTML provides one). */
export function mountPage(root: ComponentChild): void {
  const container = document.getElementById('app');
  if (!container) throw new Error('Tactful: #app element missing from page');
  render(root, container);
}
