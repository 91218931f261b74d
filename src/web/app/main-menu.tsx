import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check, Menu as MenuIcon, Plus, SquareTerminal } from 'lucide-react';
import { useLocation, useNavigate } from 'react-router';

export interface MainMenuLink {
  to: string;
  label: string;
  end?: boolean | undefined;
}

const item =
  'flex cursor-pointer items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm text-fg outline-none select-none data-[highlighted]:bg-surface-muted';

export function isCurrent(pathname: string, link: MainMenuLink): boolean {
  return link.end ? pathname === link.to : pathname === link.to || pathname.startsWith(`${link.to}/`);
}

/** The main navigation on screens too narrow for the header's row of links. */
export function MainMenu({ links, className }: { links: MainMenuLink[]; className?: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <div className={className}>
      <Menu.Root>
        <Menu.Trigger className="grid size-9 place-items-center rounded-xl text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg data-[state=open]:bg-surface-muted data-[state=open]:text-fg">
          <MenuIcon className="size-5" aria-hidden="true" />
          <span className="sr-only">Main menu</span>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            align="start"
            sideOffset={8}
            className="z-50 w-60 rounded-xl border border-border bg-surface p-1.5 shadow-pop animate-fade-up"
          >
            {links.map((l) => {
              const current = isCurrent(pathname, l);
              return (
                <Menu.Item key={l.to} className={item} onSelect={() => void navigate(l.to)}>
                  <span className={current ? 'font-semibold' : undefined}>{l.label}</span>
                  {current ? (
                    <>
                      <Check className="ml-auto size-4 text-primary" aria-hidden="true" />
                      <span className="sr-only">(current page)</span>
                    </>
                  ) : null}
                </Menu.Item>
              );
            })}
            <Menu.Separator className="my-1 h-px bg-border" />
            <Menu.Item className={item} onSelect={() => void navigate('/practice/new')}>
              <Plus className="size-4 text-fg-subtle" aria-hidden="true" /> New practice interview
            </Menu.Item>
            <Menu.Item className={item} onSelect={() => void navigate('/practice/coding')}>
              <SquareTerminal className="size-4 text-fg-subtle" aria-hidden="true" /> Coding practice
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </div>
  );
}
