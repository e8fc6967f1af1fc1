"""Third-party files we ship unchanged, each with its licence.

- `iframe-worker/shim.js`: iframe-worker 1.0.4 (npm, MIT, Martin Donath), the file
  `shim/index.js`. Material's `offline` plugin loads it from unpkg.com so that search runs
  from `file://`; an offline copy must fetch nothing, so staging ships this copy instead.
"""
