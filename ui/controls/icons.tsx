/** The few 16px icons the panels use, drawn with currentColor. */
import type { JSX } from "preact";

type IconProps = { label?: string };

function Svg({ label, children }: IconProps & { children: JSX.Element | JSX.Element[] }) {
  return (
    <svg
      class="icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      aria-hidden={label ? undefined : "true"}
      role={label ? "img" : undefined}
      aria-label={label}
    >
      {children}
    </svg>
  );
}

export const CopyIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="5.5" y="5.5" width="7" height="8" rx="1" stroke="currentColor" />
    <path d="M3.5 10.5v-7a1 1 0 0 1 1-1h5" stroke="currentColor" />
  </Svg>
);

export const DownloadIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" stroke="currentColor" />
  </Svg>
);

export const CloseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m4.5 4.5 7 7m0-7-7 7" stroke="currentColor" />
  </Svg>
);

export const ChevronIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="m6 4.5 3.5 3.5L6 11.5" stroke="currentColor" />
  </Svg>
);

export const FileIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M4.5 2.5h4.5l2.5 2.5v8.5h-7z" stroke="currentColor" />
    <path d="M9 2.5V5h2.5" stroke="currentColor" />
  </Svg>
);

export const ErrorIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="5.5" stroke="currentColor" />
    <path d="M8 5v3.5M8 10.5v.5" stroke="currentColor" stroke-linecap="round" />
  </Svg>
);

export const WarningIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M8 2.8 13.8 13H2.2z" stroke="currentColor" stroke-linejoin="round" />
    <path d="M8 6.5v3M8 11v.5" stroke="currentColor" stroke-linecap="round" />
  </Svg>
);

export const InfoIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="5.5" stroke="currentColor" />
    <path d="M8 7.5V11M8 5v.5" stroke="currentColor" stroke-linecap="round" />
  </Svg>
);

export const FrameIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M5 2.5v11M11 2.5v11M2.5 5h11M2.5 11h11" stroke="currentColor" />
  </Svg>
);

/** Arrows out to the corners: make the panel large. */
export const ExpandIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M9.5 2.5h4v4M13.5 2.5 9 7M6.5 13.5h-4v-4M2.5 13.5 7 9" stroke="currentColor" />
  </Svg>
);

/** Arrows in from the corners: back to the size before Expand. */
export const CollapseIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M13.5 6.5h-4v-4M9.5 6.5l4-4M2.5 9.5h4v4M6.5 9.5l-4 4" stroke="currentColor" />
  </Svg>
);

export const KeyIcon = (p: IconProps) => (
  <Svg {...p}>
    <circle cx="5.5" cy="10.5" r="3" stroke="currentColor" />
    <path d="m7.6 8.4 5.9-5.9M11.5 4.5l1.5 1.5M10 6l1.2 1.2" stroke="currentColor" />
  </Svg>
);

/** Settings / options: two sliders. */
export const OptionsIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M2.5 5h6M11.5 5h2M2.5 11h2M7.5 11h6" stroke="currentColor" />
    <circle cx="10" cy="5" r="1.5" stroke="currentColor" />
    <circle cx="6" cy="11" r="1.5" stroke="currentColor" />
  </Svg>
);

/** More actions: three dots. */
export const MoreIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M3.5 8h.01M8 8h.01M12.5 8h.01" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </Svg>
);
