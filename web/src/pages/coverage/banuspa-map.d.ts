declare module 'virtual:banuspa-map' {
  const map: import('./map-projection').ProjectedMap
  export default map
}
