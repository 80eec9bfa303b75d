/**
 * The real sites the corpus is converted from: MIT-licensed Start Bootstrap themes, as published on npm with
 * their built pages (`dist/`). Pinned versions, so that regenerating gives the same corpus.
 */
export interface Site {
  /** Short name: the corpus file is `<name>.nodes.json`. */
  name: string;
  pkg: string;
  version: string;
  /** The page under the package's `dist/`. */
  page: string;
  /** Page number: node ids are `<number>:<n>`. */
  number: number;
}

export const SITES: readonly Site[] = [
  { name: "sb-agency", pkg: "startbootstrap-agency", version: "7.0.12", page: "index.html", number: 101 },
  { name: "sb-landing-page", pkg: "startbootstrap-landing-page", version: "6.0.6", page: "index.html", number: 102 },
  { name: "sb-new-age", pkg: "startbootstrap-new-age", version: "6.0.7", page: "index.html", number: 103 },
  { name: "sb-creative", pkg: "startbootstrap-creative", version: "7.0.7", page: "index.html", number: 104 },
  { name: "sb-grayscale", pkg: "startbootstrap-grayscale", version: "7.0.6", page: "index.html", number: 105 },
  { name: "sb-freelancer", pkg: "startbootstrap-freelancer", version: "7.0.7", page: "index.html", number: 106 },
  {
    name: "sb-business-casual",
    pkg: "startbootstrap-business-casual",
    version: "7.0.9",
    page: "index.html",
    number: 107,
  },
  { name: "sb-clean-blog", pkg: "startbootstrap-clean-blog", version: "6.0.9", page: "index.html", number: 108 },
  {
    name: "sb-one-page-wonder",
    pkg: "startbootstrap-one-page-wonder",
    version: "6.0.6",
    page: "index.html",
    number: 109,
  },
  {
    name: "sb-modern-business",
    pkg: "startbootstrap-modern-business",
    version: "5.0.7",
    page: "index.html",
    number: 110,
  },
  {
    name: "sb-small-business",
    pkg: "startbootstrap-small-business",
    version: "5.0.6",
    page: "index.html",
    number: 111,
  },
  {
    name: "sb-stylish-portfolio",
    pkg: "startbootstrap-stylish-portfolio",
    version: "6.0.6",
    page: "index.html",
    number: 112,
  },
];
