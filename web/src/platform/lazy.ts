import { lazy, type ComponentType } from 'react';

/** React.lazy for a named export: lazyNamed(() => import('./X'), 'X'). */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M & string>(
  loader: () => Promise<M>,
  name: K,
) {
  return lazy(async () => {
    const module = await loader();
    return { default: module[name] as ComponentType };
  });
}
