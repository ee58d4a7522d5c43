import { useMemo, type Ref, type SelectHTMLAttributes } from 'react';

function timeZones(current: readonly string[]): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  current.forEach((zone) => zones.add(zone));
  return [...zones].sort();
}

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  /** Kept in the list even if this browser doesn't know it (e.g. the vault's saved zone). */
  include: readonly string[];
  ref?: Ref<HTMLSelectElement>;
};

/** Every IANA time zone the browser knows. */
export function TimeZoneSelect({ include, ref, ...props }: Props) {
  const includeKey = include.join('\n');
  const zones = useMemo(() => timeZones(includeKey.split('\n').filter(Boolean)), [includeKey]);
  return (
    <select ref={ref} {...props}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
