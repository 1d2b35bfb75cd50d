-- The fingerprint of the regions, catalogue and benchmark sets last loaded.
select value from meta where key = 'reference_fingerprint';
