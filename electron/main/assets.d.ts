// electron-vite copies `?asset` imports next to the bundle and gives their path at run time.
/// <reference types="electron-vite/node" />
